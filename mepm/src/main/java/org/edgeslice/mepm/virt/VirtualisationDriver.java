package org.edgeslice.mepm.virt;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The virtualisation infrastructure of one MEC host as the MEPM sees it: containers (or processes standing in
 * for them) created from an app's software image, started, stopped, removed and watched. Implementations:
 * {@code DockerDriver} (a Docker Engine through docker-java) and {@code LocalProcessDriver} (plain processes,
 * only where no engine is reachable). Free of any framework so it can be tested and benchmarked on its own.
 */
public interface VirtualisationDriver extends AutoCloseable {

    /** {@code docker} or {@code process}: shown by the MEPM's API, health check and logs. */
    String name();

    /** Where the driver works, e.g. {@code unix:///run/edgeslice/docker.sock} or the artifact directory. */
    String endpoint();

    /** Makes the image available to the engine, pulling it from its registry when the engine lacks it. */
    ImageReady ensureImage(String image);

    /** Creates the container (not started) and returns its id. */
    String create(ContainerSpec spec);

    void start(String containerId);

    /** Asks the process to stop (SIGTERM) and kills it after {@code timeout}. Stopping a stopped container is a no-op. */
    void stop(String containerId, Duration timeout);

    /** Kills at once (SIGKILL). */
    void kill(String containerId);

    /** Removes a stopped or running container (forcing); removing an absent one is a no-op. */
    void remove(String containerId);

    /** Gives the container a new name (running or not); drivers without names ignore it. */
    default void rename(String containerId, String name) {
    }

    Optional<ContainerStatus> inspect(String containerId);

    /** Containers (running or not) that carry every given label. */
    List<ContainerStatus> list(Map<String, String> labels);

    /** The last {@code tailLines} lines of the container's output (stdout and stderr). */
    String logs(String containerId, int tailLines);

    /**
     * Streams container events (start, die, oom, destroy) for containers carrying the given labels until the
     * returned handle is closed. The listener runs on the driver's thread and must not block.
     */
    AutoCloseable watch(Map<String, String> labels, Consumer<ContainerEvent> listener);

    @Override
    void close();

    /** Whether the image was already there, and how long making it available took. */
    record ImageReady(String image, boolean pulled, long millis) {
    }
}

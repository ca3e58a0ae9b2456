package org.edgeslice.mepm.virt.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeslice.mepm.virt.ContainerEvent;
import org.edgeslice.mepm.virt.ContainerSpec;
import org.edgeslice.mepm.virt.ContainerStatus;
import org.edgeslice.mepm.virt.DriverException;
import org.edgeslice.mepm.virt.ImageRef;
import org.edgeslice.mepm.virt.VirtualisationDriver;

/**
 * A Docker Engine through docker-java (zerodep transport). Containers run with host networking (the app
 * listens on the loopback ports the MEPM allocated) and {@code --init}, so that SIGTERM reaches a JVM that
 * is not PID 1 and a graceful stop does not wait for the kill timeout.
 */
public final class DockerDriver implements VirtualisationDriver {

    private static final Logger LOG = Logger.getLogger(DockerDriver.class.getName());

    private final String dockerHost;
    private final DockerClient client;
    /** The event stream is long-lived: its client has no response timeout. */
    private final DockerClient eventClient;

    public DockerDriver(String dockerHost) {
        this.dockerHost = dockerHost;
        this.client = client(dockerHost, Duration.ofMinutes(5));
        this.eventClient = client(dockerHost, null);
    }

    /**
     * A client of the engine at {@code dockerHost}: 5 s to connect, {@code responseTimeout} per response (null: none,
     * for event streams). The one place engine clients are built (the driver, the bench images, their tests).
     */
    public static DockerClient client(String dockerHost, Duration responseTimeout) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost).withDockerTlsVerify(false).build();
        ZerodepDockerHttpClient.Builder http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).maxConnections(32).connectionTimeout(Duration.ofSeconds(5));
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }

    /** Whether an engine answers at {@code dockerHost} (a ping, bounded by a short timeout). */
    public static boolean reachable(String dockerHost) {
        if (dockerHost.startsWith("unix://") && !new java.io.File(dockerHost.substring("unix://".length())).exists()) {
            return false;
        }
        try (DockerClient c = client(dockerHost, Duration.ofSeconds(3))) {
            c.pingCmd().exec();
            return true;
        } catch (RuntimeException | IOException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public String endpoint() {
        return dockerHost;
    }

    /** Whether this driver's engine answers now. */
    public boolean ping() {
        try {
            client.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The engine's version string, e.g. {@code 20.10.24 (API 1.41)}. */
    public String engineVersion() {
        var v = client.versionCmd().exec();
        return v.getVersion() + " (API " + v.getApiVersion() + ")";
    }

    DockerClient client() {
        return client;
    }

    @Override
    public ImageReady ensureImage(String image) {
        long t0 = System.nanoTime();
        try {
            client.inspectImageCmd(image).exec();
            return new ImageReady(image, false, (System.nanoTime() - t0) / 1_000_000);
        } catch (NotFoundException absent) {
            ImageRef ref = ImageRef.parse(image);
            try {
                if (!client.pullImageCmd(ref.repository()).withTag(ref.tag()).exec(new PullImageResultCallback())
                        .awaitCompletion(10, TimeUnit.MINUTES)) {
                    throw new DriverException("pull of " + image + " did not finish within 10 minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriverException("interrupted while pulling " + image, e);
            } catch (RuntimeException e) {
                throw new DriverException("cannot pull " + image + ": " + e.getMessage(), e);
            }
            return new ImageReady(image, true, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    @Override
    public String create(ContainerSpec spec) {
        HostConfig host = HostConfig.newHostConfig().withNetworkMode("host").withInit(true);
        if (spec.memoryMb() > 0) {
            long bytes = spec.memoryMb() * 1024 * 1024;
            host.withMemory(bytes).withMemorySwap(bytes);
        }
        if (spec.cpuMillis() > 0) {
            // The share is a weight (1024 = one CPU, as Kubernetes maps requests), not a quota: a slice that
            // starts on an idle host gets whole cores and is ready in well under a second, and under contention
            // each app still gets CPU in proportion to what its AppD reserved. A quota of 250m made the same JVM
            // take 8 s to start.
            host.withCpuShares((int) Math.max(2, spec.cpuMillis() * 1024 / 1000));
        }
        if (spec.cpuLimitMillis() > 0) {
            host.withNanoCPUs(spec.cpuLimitMillis() * 1_000_000L);
        }
        if (!spec.volumes().isEmpty()) {
            host.withBinds(spec.volumes().stream().map(v -> Bind.parse(v + ":" + v)).toList());
        }
        List<String> env = spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        for (int attempt = 0; ; attempt++) {
            try {
                var cmd = client.createContainerCmd(spec.image()).withName(spec.name()).withEnv(env)
                        .withLabels(spec.labels()).withHostConfig(host);
                if (spec.command() != null) {
                    cmd.withCmd(spec.command());
                }
                return cmd.exec().getId();
            } catch (ConflictException nameTaken) {
                // A leftover of ours with the same name (crash between create and record): it carries our
                // labels for the same instance, so it is replaced.
                if (attempt > 0) {
                    throw new DriverException("container name " + spec.name() + " is taken", nameTaken);
                }
                remove(spec.name());
            } catch (NotFoundException noImage) {
                throw new DriverException("image " + spec.image() + " is not on the engine", noImage);
            }
        }
    }

    @Override
    public void start(String containerId) {
        try {
            client.startContainerCmd(containerId).exec();
        } catch (NotModifiedException alreadyRunning) {
            // idempotent
        } catch (NotFoundException e) {
            throw new DriverException("no container " + containerId, e);
        }
    }

    @Override
    public void stop(String containerId, Duration timeout) {
        try {
            client.stopContainerCmd(containerId).withTimeout((int) Math.max(0, timeout.toSeconds())).exec();
        } catch (NotModifiedException | NotFoundException alreadyStopped) {
            // idempotent
        }
    }

    @Override
    public void kill(String containerId) {
        try {
            client.killContainerCmd(containerId).exec();
        } catch (NotFoundException | ConflictException notRunning) {
            // idempotent
        }
    }

    @Override
    public void remove(String containerId) {
        try {
            client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // idempotent
        } catch (ConflictException beingRemoved) {
            LOG.fine(() -> "removal of " + containerId + " already in progress");
        }
    }

    @Override
    public void rename(String containerId, String name) {
        client.renameContainerCmd(containerId).withName(name).exec();
    }

    @Override
    public Optional<ContainerStatus> inspect(String containerId) {
        try {
            InspectContainerResponse r = client.inspectContainerCmd(containerId).exec();
            var state = r.getState();
            boolean running = Boolean.TRUE.equals(state.getRunning());
            Long exit = state.getExitCodeLong();
            var hc = r.getHostConfig();
            return Optional.of(new ContainerStatus(r.getId(), stripSlash(r.getName()), r.getConfig().getImage(),
                    r.getConfig().getLabels() == null ? Map.of() : r.getConfig().getLabels(), running,
                    running || exit == null ? null : exit.intValue(), Boolean.TRUE.equals(state.getOOMKilled()),
                    hc == null || hc.getMemory() == null ? 0 : hc.getMemory(),
                    hc == null || hc.getNanoCPUs() == null ? 0 : hc.getNanoCPUs(),
                    hc == null || hc.getCpuShares() == null ? 0 : hc.getCpuShares()));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    @Override
    public List<ContainerStatus> list(Map<String, String> labels) {
        List<ContainerStatus> out = new ArrayList<>();
        for (Container c : client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
            boolean running = "running".equalsIgnoreCase(c.getState());
            out.add(new ContainerStatus(c.getId(), c.getNames() == null || c.getNames().length == 0 ? null
                    : stripSlash(c.getNames()[0]), c.getImage(), c.getLabels() == null ? Map.of() : c.getLabels(),
                    running, null, false, 0, 0, 0));
        }
        return out;
    }

    @Override
    public String logs(String containerId, int tailLines) {
        StringBuilder out = new StringBuilder();
        try {
            client.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(tailLines)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            synchronized (out) {
                                out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                            }
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (NotFoundException gone) {
            throw new DriverException("no container " + containerId, gone);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (out) {
            return out.toString();
        }
    }

    @Override
    public AutoCloseable watch(Map<String, String> labels, Consumer<ContainerEvent> listener) {
        EventWatch w = new EventWatch(labels, listener);
        w.subscribe(null);
        return w;
    }

    /** One subscription to the engine's event stream, re-established (from where it broke off) when it ends. */
    private final class EventWatch implements AutoCloseable {
        private final Map<String, String> labels;
        private final Consumer<ContainerEvent> listener;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Closeable current;
        private volatile long lastEpochSecond = 0;

        EventWatch(Map<String, String> labels, Consumer<ContainerEvent> listener) {
            this.labels = labels;
            this.listener = listener;
        }

        void subscribe(String since) {
            if (closed.get()) {
                return;
            }
            var cmd = eventClient.eventsCmd().withEventTypeFilter(EventType.CONTAINER)
                    .withEventFilter("start", "die", "oom", "destroy").withLabelFilter(labels);
            if (since != null) {
                cmd.withSince(since);
            }
            current = cmd.exec(new ResultCallback.Adapter<Event>() {
                @Override
                public void onNext(Event e) {
                    if (e.getTime() != null) {
                        lastEpochSecond = e.getTime();
                    }
                    ContainerEvent event = toEvent(e);
                    if (event != null) {
                        try {
                            listener.accept(event);
                        } catch (RuntimeException ex) {
                            LOG.log(Level.WARNING, "container event listener failed", ex);
                        }
                    }
                }

                @Override
                public void onError(Throwable t) {
                    resubscribe(t);
                }

                @Override
                public void onComplete() {
                    resubscribe(null);
                }
            });
        }

        private void resubscribe(Throwable why) {
            if (closed.get()) {
                return;
            }
            LOG.log(Level.WARNING, "Docker event stream of " + dockerHost + " ended; re-subscribing", why);
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(500);
                    subscribe(lastEpochSecond == 0 ? null : Long.toString(lastEpochSecond));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    resubscribe(e);
                }
            }, "mepm-docker-events-retry");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() {
            closed.set(true);
            try {
                if (current != null) {
                    current.close();
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the event stream", e);
            }
        }
    }

    private static ContainerEvent toEvent(Event e) {
        String action = e.getAction() != null ? e.getAction() : e.getStatus();
        if (action == null) {
            return null;
        }
        ContainerEvent.Kind kind = switch (action) {
            case "start" -> ContainerEvent.Kind.START;
            case "die" -> ContainerEvent.Kind.DIE;
            case "oom" -> ContainerEvent.Kind.OOM;
            case "destroy" -> ContainerEvent.Kind.DESTROY;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        Map<String, String> attributes = e.getActor() == null || e.getActor().getAttributes() == null
                ? Map.of() : new HashMap<>(e.getActor().getAttributes());
        Integer exit = null;
        if (attributes.get("exitCode") != null) {
            try {
                exit = Integer.valueOf(attributes.get("exitCode"));
            } catch (NumberFormatException ignored) {
                // not a number: leave it out
            }
        }
        long at = e.getTimeNano() != null ? e.getTimeNano() / 1_000_000 : System.currentTimeMillis();
        return new ContainerEvent(e.getId(), kind, attributes, exit, at);
    }

    private static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    @Override
    public void close() {
        try {
            client.close();
            eventClient.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the Docker client", e);
        }
    }
}

package org.edgeslice.system;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker Engine and registry the system tests use. Under {@code ./mec test} (and CI) Docker is required:
 * {@code edgeslice.requireDocker=true} turns a missing engine into a failure instead of a skipped test.
 */
final class Engines {

    private Engines() {
    }

    static String dockerHost() {
        return System.getProperty("edgeslice.docker.host", "unix:///run/edgeslice/docker.sock");
    }

    static String registry() {
        return System.getProperty("edgeslice.registry", "127.0.0.1:5000");
    }

    /** A client of the engine at {@code dockerHost}, without asking whether it answers. */
    static DockerClient client(String dockerHost, Duration responseTimeout) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost).build();
        return DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(responseTimeout).build());
    }

    static DockerClient docker() {
        DockerClient client = client(dockerHost(), Duration.ofSeconds(120));
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            if (Boolean.getBoolean("edgeslice.requireDocker")) {
                throw new IllegalStateException("Docker is required (edgeslice.requireDocker) but "
                        + dockerHost() + " does not answer", e);
            }
            Assumptions.abort("no Docker Engine at " + dockerHost() + ": " + e.getMessage());
        }
        return client;
    }
}

package org.edgeslice.mepm.virt.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.edgeslice.mepm.bench.BenchImages;
import org.edgeslice.mepm.testapp.TestApps;
import org.edgeslice.mepm.virt.ContainerEvent;
import org.edgeslice.mepm.virt.ContainerSpec;
import org.edgeslice.mepm.virt.ContainerStatus;
import org.edgeslice.mepm.virt.Labels;
import org.edgeslice.mepm.virt.VirtualisationDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Docker driver against the real engine (EDGESLICE_DOCKER_SOCK, default /run/edgeslice/docker.sock). */
class DockerDriverTest {

    static final String HOST_ID = "driver-test-" + UUID.randomUUID().toString().substring(0, 8);
    static final String MANAGER = "http://127.0.0.1:1/mepm-driver-test";
    static DockerDriver driver;
    static DockerClient docker;
    final List<String> created = new ArrayList<>();

    @BeforeAll
    static void engine() {
        TestApps.assumeDocker(DockerDriver.reachable(BenchImages.dockerHost()));
        driver = new DockerDriver(BenchImages.dockerHost());
        docker = BenchImages.client(BenchImages.dockerHost());
        BenchImages.ensureImage(docker);
    }

    @AfterEach
    void removeContainers() {
        created.forEach(driver::remove);
    }

    @AfterAll
    static void close() throws IOException {
        if (driver != null) {
            driver.close();
            docker.close();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String run(String instanceId, int port, long memoryMb, long cpuMillis, Map<String, String> extraEnv) {
        return run(instanceId, port, memoryMb, cpuMillis, 0, extraEnv);
    }

    private String run(String instanceId, int port, long memoryMb, long cpuMillis, long cpuLimitMillis,
                       Map<String, String> extraEnv) {
        var env = new java.util.HashMap<>(Map.of("MEC_APP_INSTANCE_ID", instanceId, "MEC_PORTS", "http=" + port,
                "MEC_MP1_URL", "http://127.0.0.1:18080/mec-platform"));
        env.putAll(extraEnv);
        String id = driver.create(new ContainerSpec("mepm-" + HOST_ID + "-" + instanceId, BenchImages.IMAGE, env,
                Labels.of(HOST_ID, MANAGER, instanceId, "appd-hello"), cpuMillis, cpuLimitMillis, memoryMb, List.of(), null));
        created.add(id);
        driver.start(id);
        return id;
    }

    @Test
    void containerAnswersOnItsLoopbackPortWithLimitsAndStopsGracefullyThenIsRemoved() {
        int port = freePort();
        String id = run("inst-a", port, 96, 500, 1500, Map.of());

        String body = BenchImages.awaitAnswer(port, "/", Duration.ofSeconds(20));
        assertNotNull(body, "the app never answered on 127.0.0.1:" + port + "; logs: " + driver.logs(id, 50));
        assertTrue(body.contains("inst-a"), body);
        assertTrue(BenchImages.get(port, "/env").contains("\"MEC_MP1_URL\":\"http://127.0.0.1:18080/mec-platform\""));

        ContainerStatus s = driver.inspect(id).orElseThrow();
        assertTrue(s.running());
        assertEquals(96L * 1024 * 1024, s.memoryLimitBytes(), "memory limit from virtualMemSize");
        assertEquals(512L, s.cpuShares(), "CPU weight from the reserved cpuMillis (1024 per CPU)");
        assertEquals(1_500_000_000L, s.nanoCpus(), "CPU ceiling from cpuLimitMillis");
        assertEquals("inst-a", s.labels().get(Labels.APP_INSTANCE));
        assertEquals(HOST_ID, s.labels().get(Labels.HOST));
        assertEquals("host", docker.inspectContainerCmd(id).exec().getHostConfig().getNetworkMode());

        long t0 = System.nanoTime();
        driver.stop(id, Duration.ofSeconds(10));
        long stopMillis = (System.nanoTime() - t0) / 1_000_000;
        // under the 10 s grace period: the exit code below tells SIGTERM from SIGKILL; the time is only printed
        System.out.println("[DockerDriverTest] stop took " + stopMillis + " ms");
        assertTrue(stopMillis < 9000, "SIGTERM must end the app (init process), took " + stopMillis + " ms");
        ContainerStatus stopped = driver.inspect(id).orElseThrow();
        assertFalse(stopped.running());
        assertEquals(143, stopped.exitCode(), "exit by SIGTERM, not SIGKILL (137)");
        assertTrue(driver.logs(id, 20).contains("SIGTERM"), driver.logs(id, 20));
        assertNull(BenchImages.get(port, "/"));

        driver.remove(id);
        assertTrue(driver.inspect(id).isEmpty());
        driver.remove(id); // idempotent
    }

    @Test
    void killedContainerIsReported() throws Exception {
        BlockingQueue<ContainerEvent> events = new LinkedBlockingQueue<>();
        try (AutoCloseable w = driver.watch(Labels.ofManager(HOST_ID, MANAGER), events::add)) {
            int port = freePort();
            String id = run("inst-kill", port, 96, 0, Map.of());
            assertNotNull(BenchImages.awaitAnswer(port, "/", Duration.ofSeconds(20)));
            ContainerEvent start = events.poll(5, TimeUnit.SECONDS);
            assertNotNull(start);
            assertEquals(ContainerEvent.Kind.START, start.kind());

            long t0 = System.nanoTime();
            docker.killContainerCmd(id).exec(); // behind the MEPM's back, like `docker kill`
            ContainerEvent die = events.poll(10, TimeUnit.SECONDS); // the delay is printed below, not asserted
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertNotNull(die, "no event within 10 s of the kill");
            assertEquals(ContainerEvent.Kind.DIE, die.kind());
            assertEquals(id, die.containerId());
            assertEquals("inst-kill", die.labels().get(Labels.APP_INSTANCE));
            assertEquals(137, die.exitCode());
            System.out.println("[DockerDriverTest] kill -> die event in " + millis + " ms");
        }
    }

    @Test
    void exceedingTheMemoryLimitIsAnOomKill() throws Exception {
        BlockingQueue<ContainerEvent> events = new LinkedBlockingQueue<>();
        try (AutoCloseable w = driver.watch(Labels.ofManager(HOST_ID, MANAGER), events::add)) {
            int port = freePort();
            // a heap bigger than the container's limit, so the kernel (not the JVM) stops the app
            String id = run("inst-oom", port, 48, 0, Map.of("JAVA_TOOL_OPTIONS", "-Xmx300m"));
            assertNotNull(BenchImages.awaitAnswer(port, "/", Duration.ofSeconds(20)), driver.logs(id, 30));
            BenchImages.get(port, "/alloc?mb=200");
            boolean oom = false;
            ContainerEvent e;
            while ((e = events.poll(10, TimeUnit.SECONDS)) != null) {
                if (e.kind() == ContainerEvent.Kind.OOM) {
                    oom = true;
                }
                if (e.kind() == ContainerEvent.Kind.DIE) {
                    break;
                }
            }
            assertNotNull(e, "the container did not die");
            assertTrue(oom || driver.inspect(id).orElseThrow().oomKilled(), "not reported as OOM");
            assertTrue(driver.inspect(id).orElseThrow().oomKilled());
        }
    }

    @Test
    void missingImageIsPulledFromTheRegistryOnce() {
        String ref = BenchImages.pushToRegistry(docker);
        try {
            docker.removeImageCmd(ref).exec(); // untag only: the image itself stays under its local name
        } catch (RuntimeException ignored) {
            // not there
        }
        var first = driver.ensureImage(ref);
        assertTrue(first.pulled(), "the engine lacked " + ref);
        var second = driver.ensureImage(ref);
        assertFalse(second.pulled());
        System.out.println("[DockerDriverTest] pull of " + ref + " (base layer present): " + first.millis() + " ms");
    }

    @Test
    void listFindsOnlyThisHostsContainersByLabel() {
        int port = freePort();
        String id = run("inst-list", port, 64, 0, Map.of());
        List<ContainerStatus> mine = driver.list(Labels.ofManager(HOST_ID, MANAGER));
        assertTrue(mine.stream().anyMatch(c -> c.id().equals(id)));
        assertTrue(driver.list(Labels.ofManager("some-other-host", MANAGER)).stream().noneMatch(c -> c.id().equals(id)));
        assertTrue(driver.list(Labels.ofManager(HOST_ID, "http://127.0.0.1:2/another-mepm")).stream()
                .noneMatch(c -> c.id().equals(id)), "another MEPM on the same engine and host id does not see it");
    }
}

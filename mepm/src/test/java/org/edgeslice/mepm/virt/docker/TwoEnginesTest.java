package org.edgeslice.mepm.virt.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.edgeslice.mepm.bench.BenchImages;
import org.edgeslice.mepm.testapp.TestApps;
import org.edgeslice.mepm.virt.ContainerSpec;
import org.edgeslice.mepm.virt.Labels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two MEC hosts on one machine: a second dockerd (its own socket, data root, exec root, pid file, no bridge)
 * started with runtime/infra.sh's start_dockerd. Each engine runs its host's app and sees only its own.
 */
class TwoEnginesTest {

    static final Path RUN = Path.of("/run/edgeslice/mepm-test-host2");
    static final String SOCK = RUN.resolve("docker.sock").toString();
    static boolean startedHere;
    static DockerDriver host1;
    static DockerDriver host2;

    @BeforeAll
    static void engines() throws Exception {
        TestApps.assumeDocker(DockerDriver.reachable(BenchImages.dockerHost()));
        if (!DockerDriver.reachable("unix://" + SOCK)) {
            Path data = Path.of(System.getProperty("mepm.test.dir", "target/mepm-test")).toAbsolutePath().resolve("dockerd2");
            String root = System.getProperty("edgeslice.root", "..");
            Process p = new ProcessBuilder("bash", "-c", "source \"$0/runtime/infra.sh\" && start_dockerd \"$1\" \"$2\" \"$3\" \"$4\" \"$5\"",
                    root, SOCK, data.resolve("data").toString(), RUN.resolve("exec").toString(),
                    RUN.resolve("docker.pid").toString(), data.resolve("dockerd.log").toString())
                    .inheritIO().start();
            assertTrue(p.waitFor(90, TimeUnit.SECONDS) && p.exitValue() == 0, "second dockerd did not start");
            startedHere = true;
        }
        host1 = new DockerDriver(BenchImages.dockerHost());
        host2 = new DockerDriver("unix://" + SOCK);
        BenchImages.ensureImage(BenchImages.client(BenchImages.dockerHost()));
    }

    @AfterAll
    static void stopSecondEngine() throws Exception {
        if (host1 != null) {
            host1.close();
            host2.close();
        }
        if (startedHere) {
            long pid = Long.parseLong(Files.readString(RUN.resolve("docker.pid")).trim());
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroy();
                try {
                    h.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            });
        }
    }

    @Test
    void eachEngineRunsItsOwnHostsAppsIndependently() throws IOException {
        String ref = BenchImages.pushToRegistry(BenchImages.client(BenchImages.dockerHost()));
        try (var c2 = BenchImages.client("unix://" + SOCK)) {
            c2.removeImageCmd(ref).withForce(true).exec(); // a data root kept from an earlier run may hold it
        } catch (RuntimeException absent) {
            // not there: fine
        }
        var pulled = host2.ensureImage(ref); // the second engine gets the image from the CSFR
        assertTrue(pulled.pulled());
        System.out.println("[TwoEnginesTest] host2 pull of " + ref + ": " + pulled.millis() + " ms, pulled=" + pulled.pulled());

        int port1 = DockerDriverTest.freePort();
        int port2 = DockerDriverTest.freePort();
        String c1 = host1.create(new ContainerSpec("mepm-h1-two", BenchImages.IMAGE, Map.of("MEC_PORTS", "http=" + port1,
                "MEC_APP_INSTANCE_ID", "on-host1"), Labels.of("two-h1", "test", "on-host1", "d"), 0, 64, List.of(), null));
        String c2 = host2.create(new ContainerSpec("mepm-h2-two", ref, Map.of("MEC_PORTS", "http=" + port2,
                "MEC_APP_INSTANCE_ID", "on-host2"), Labels.of("two-h2", "test", "on-host2", "d"), 0, 64, List.of(), null));
        try {
            host1.start(c1);
            host2.start(c2);
            assertTrue(BenchImages.awaitAnswer(port1, "/", Duration.ofSeconds(20)).contains("on-host1"));
            assertTrue(BenchImages.awaitAnswer(port2, "/", Duration.ofSeconds(20)).contains("on-host2"));

            assertTrue(host1.inspect(c2).isEmpty(), "host 1's engine does not know host 2's container");
            assertTrue(host2.inspect(c1).isEmpty());
            assertEquals(List.of(c2), host2.list(Map.of(Labels.MANAGED, "true")).stream().map(c -> c.id()).toList());

            host2.kill(c2);
            assertNotNull(BenchImages.get(port1, "/"), "host 1's app unaffected by host 2");
        } finally {
            host1.remove(c1);
            host2.remove(c2);
        }
    }
}

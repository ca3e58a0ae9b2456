package org.edgeslice.mepm.virt.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.edgeslice.mepm.bench.BenchImages;
import org.edgeslice.mepm.virt.ContainerEvent;
import org.edgeslice.mepm.virt.ContainerSpec;
import org.edgeslice.mepm.virt.DriverException;
import org.edgeslice.mepm.virt.Labels;
import org.junit.jupiter.api.Test;

/** The local-process driver runs the same app artifact as a process, with the same environment and labels. */
class LocalProcessDriverTest {

    final Path dir = BenchImages.testDir().resolve("process-" + UUID.randomUUID().toString().substring(0, 8));
    final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void imageMapsToTheArtifactDirectoryAndRunsAsAProcessThatSurvivesADriverRestart() throws Exception {
        BenchImages.jar(dir.resolve("artifacts/edgeslice-test/hello/app.jar"));
        LocalProcessDriver driver = new LocalProcessDriver(dir.resolve("artifacts"), dir.resolve("state"), java);
        BlockingQueue<ContainerEvent> events = new LinkedBlockingQueue<>();
        driver.watch(Labels.ofManager("h1", "test"), events::add);
        String image = "127.0.0.1:5000/" + BenchImages.IMAGE;
        assertFalse(driver.ensureImage(image).pulled());
        int port = freePort();
        String id = driver.create(new ContainerSpec("mepm-h1-p1", image, Map.of("MEC_PORTS", "http=" + port,
                "MEC_APP_INSTANCE_ID", "p1"), Labels.of("h1", "test", "p1", "d1"), 0, 64, List.of(), null));
        driver.start(id);
        String body = BenchImages.awaitAnswer(port, "/", Duration.ofSeconds(20));
        assertNotNull(body, driver.logs(id, 20));
        assertTrue(body.contains("p1"));
        assertEquals(ContainerEvent.Kind.START, events.poll(3, TimeUnit.SECONDS).kind());

        driver.close();
        LocalProcessDriver again = new LocalProcessDriver(dir.resolve("artifacts"), dir.resolve("state"), java);
        assertTrue(again.inspect(id).orElseThrow().running(), "a restarted MEPM finds the process");
        assertEquals(List.of(id), again.list(Labels.ofManager("h1", "test")).stream().map(c -> c.id()).toList());
        again.watch(Labels.ofManager("h1", "test"), events::add);
        events.clear();
        again.kill(id);
        ContainerEvent die = events.poll(2, TimeUnit.SECONDS);
        assertNotNull(die, "death of the process reported within 2 s");
        assertEquals(ContainerEvent.Kind.DIE, die.kind());
        assertFalse(again.inspect(id).orElseThrow().running());
        again.remove(id);
        assertTrue(again.inspect(id).isEmpty());
        again.close();
    }

    @Test
    void gracefulStopDeliversSigterm() {
        BenchImages.jar(dir.resolve("artifacts/hello/app.jar"));
        LocalProcessDriver driver = new LocalProcessDriver(dir.resolve("artifacts"), dir.resolve("state"), java);
        int port = freePort();
        String id = driver.create(new ContainerSpec("g", "hello:2", Map.of("MEC_PORTS", "http=" + port),
                Labels.of("h2", "test", "g1", "d"), 0, 0, List.of(), null));
        driver.start(id);
        assertNotNull(BenchImages.awaitAnswer(port, "/", Duration.ofSeconds(20)));
        driver.stop(id, Duration.ofSeconds(10));
        assertEquals(143, driver.inspect(id).orElseThrow().exitCode());
        assertTrue(driver.logs(id, 10).contains("SIGTERM"), driver.logs(id, 10));
        driver.remove(id);
        driver.close();
    }

    @Test
    void aTaggedArtifactDirectoryIsPreferredAndItsImageEnvAndJvmOptionsApplyUnderTheInstanceEnvironment() throws Exception {
        // what ./mec and the ISSM lay out without Docker: one directory per tag, as one image per tag
        BenchImages.jar(dir.resolve("artifacts/edgeslice-test/hello/app.jar"));
        Path tagged = BenchImages.jar(dir.resolve("artifacts/edgeslice-test/hello/v2/app.jar"));
        Files.writeString(tagged.resolveSibling("image.env"),
                "# baked in\nMEC_FROM_IMAGE=yes\nMEC_HOST_ID=from-image\n");
        Files.writeString(tagged.resolveSibling("jvm.options"), "-Dfrom.jvm.options=yes\n");
        LocalProcessDriver driver = new LocalProcessDriver(dir.resolve("artifacts"), dir.resolve("state"), java);
        String image = "127.0.0.1:5000/edgeslice-test/hello:v2";
        assertEquals(tagged, driver.artifactOf(image));
        assertEquals(dir.resolve("artifacts/edgeslice-test/hello/app.jar"),
                driver.artifactOf("127.0.0.1:5000/edgeslice-test/hello:other"), "an untagged directory otherwise");
        int port = freePort();
        String id = driver.create(new ContainerSpec("t", image, Map.of("MEC_PORTS", "http=" + port,
                "MEC_HOST_ID", "h3"), Labels.of("h3", "test", "t1", "d"), 0, 64, List.of(), null));
        driver.start(id);
        try {
            assertNotNull(BenchImages.awaitAnswer(port, "/", Duration.ofSeconds(20)), driver.logs(id, 20));
            String env = BenchImages.get(port, "/env");
            assertTrue(env.contains("\"MEC_FROM_IMAGE\":\"yes\""), env);
            assertTrue(env.contains("\"MEC_HOST_ID\":\"h3\"") && !env.contains("from-image"), "the instance's value wins: " + env);
            String cmd = ProcessHandle.allProcesses().map(h -> h.info().commandLine().orElse(""))
                    .filter(c -> c.contains(tagged.toString())).findFirst().orElseThrow();
            assertTrue(cmd.contains("-Dfrom.jvm.options=yes"), cmd);
        } finally {
            driver.remove(id);
            driver.close();
        }
    }

    @Test
    void missingArtifactIsReportedWithTheExpectedPath() {
        LocalProcessDriver driver = new LocalProcessDriver(dir.resolve("artifacts"), dir.resolve("state"), java);
        DriverException e = assertThrows(DriverException.class, () -> driver.ensureImage("127.0.0.1:5000/x/nothing:1"));
        assertTrue(e.getMessage().contains("x/nothing/app.jar"), e.getMessage());
        driver.close();
    }
}

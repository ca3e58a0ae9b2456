package org.edgeslice.mepm.lcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgeslice.mepm.bench.BenchImages;
import org.edgeslice.mepm.testapp.TestApps;
import org.edgeslice.mepm.virt.Labels;
import org.edgeslice.mepm.virt.docker.DockerDriver;
import org.edgeslice.testkit.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A MEPM killed (SIGKILL) in the middle of an instantiation and started again on the same database: the op
 * occurrence ends FAILED, the instance is NOT_INSTANTIATED, the container it had started is gone and the MEC
 * platform's configuration removed; the MEO hears of it. Payara Micro is started by hand (twice), as
 * Arquillian cannot restart a container within one class.
 */
class MepmRestartIT {

    static final String HOST = "restart-host";
    Process payara;
    FakeMeoAndPlatform fake;

    @AfterEach
    void stop() {
        if (payara != null) {
            payara.destroyForcibly();
        }
        if (fake != null) {
            fake.close();
        }
    }

    private Process startPayara(Path dir, int port, int fakePort) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                "-Dmepm.db.url=jdbc:h2:" + dir.resolve("db/mepm") + ";DB_CLOSE_ON_EXIT=FALSE",
                "-Dmepm.meo.url=http://127.0.0.1:" + fakePort + "/meo", "-Dmepm.mep.url=http://127.0.0.1:" + fakePort + "/mec-platform",
                "-Dmepm.host.id=" + HOST, "-Dmepm.ports.range=47100-47199", "-Dmepm.ready.timeout=600",
                "-Dmepm.docker.host=" + BenchImages.dockerHost(), "-Dmepm.data.dir=" + dir.resolve("data"),
                "-jar", System.getProperty("payara.microJar"), "--deploy", System.getProperty("service.war") + ":/mepm",
                "--port", Integer.toString(port), "--nohazelcast", "--prebootcommandfile", System.getProperty("payara.preboot")));
        Files.createDirectories(dir.resolve("tmp"));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("payara.log").toFile())).start();
    }

    private static void awaitUp(Http api, Process p, Path log) {
        MepmIT.await("the MEPM to answer (log " + log + ")", Duration.ofSeconds(180), () -> {
            if (!p.isAlive()) {
                throw new AssertionError("Payara exited; see " + log);
            }
            try {
                return api.get("mepm_mgmt/v1/host").status() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aMepmKilledDuringInstantiationRollsItBackAfterRestartAndLeavesNoContainer() throws Exception {
        TestApps.assumeDocker(DockerDriver.reachable(BenchImages.dockerHost()));
        Path dir = Path.of(System.getProperty("mepm.test.dir", "target/mepm-test")).toAbsolutePath().resolve("restart-" + System.nanoTime());
        int fakePort = freePort();
        fake = new FakeMeoAndPlatform(fakePort);
        fake.readyConfirmed = false; // the app never confirms ready: the instantiation stays PROCESSING
        MepmIT.startFake(); // the AppD text and the image
        fake.appDs.putAll(MepmIT.fake.appDs);
        int port = freePort();
        Http api = new Http("http://127.0.0.1:" + port + "/mepm");
        Path log = dir.resolve("payara.log");

        payara = startPayara(dir, port, fakePort);
        awaitUp(api, payara, log);
        assertEquals(201, api.post("app_lcm/v1/subscriptions", "{\"subscriptionType\":\"AppLcmOpOccStateChangeSubscription\","
                + "\"callbackUri\":\"http://127.0.0.1:" + fakePort + "/meo/mm3/v1/notifications\"}").status());
        assertEquals(201, api.post("app_lcm/v1/app_instances", "{\"appDId\":\"appd-hello\",\"appInstanceId\":\"r-1\"}").status());
        Http.Reply accepted = api.post("app_lcm/v1/app_instances/r-1/instantiate", "{}");
        assertEquals(202, accepted.status(), accepted.toString());
        String opPath = accepted.header("Location").orElseThrow().replaceFirst(".*/mepm/", "");

        try (DockerClient docker = BenchImages.client(BenchImages.dockerHost())) {
            Map<String, String> mine = Map.of(Labels.HOST, HOST, Labels.APP_INSTANCE, "r-1");
            MepmIT.await("the container to run", Duration.ofSeconds(60), () ->
                    !docker.listContainersCmd().withLabelFilter(mine).exec().isEmpty());
            assertEquals("PROCESSING", api.get(opPath).json().get("operationState").asText());

            payara.destroyForcibly().waitFor(); // SIGKILL in the middle of the operation
            assertEquals(1, docker.listContainersCmd().withLabelFilter(mine).exec().size(), "left running by the dead MEPM");

            payara = startPayara(dir, port, fakePort);
            awaitUp(api, payara, log);
            JsonNode op = api.get(opPath).json();
            assertEquals("FAILED", op.get("operationState").asText(), op.toString());
            assertTrue(op.at("/error/title").asText().contains("restart"), op.toString());
            assertEquals("NOT_INSTANTIATED", api.get("app_lcm/v1/app_instances/r-1").json().get("instantiationState").asText());
            assertTrue(docker.listContainersCmd().withShowAll(true).withLabelFilter(mine).exec().isEmpty(), "no orphan container");
            assertTrue(fake.mm5Calls.contains("DELETE r-1"), "Mm5 configuration removed: " + fake.mm5Calls);
            MepmIT.await("the MEO to hear FAILED", Duration.ofSeconds(10), () -> fake.notifications.stream()
                    .anyMatch(n -> "FAILED".equals(n.path("operationState").asText())));
        }
    }
}

package org.edgeslice.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edgeslice.demo.RoadScenario;
import org.edgeslice.testkit.Http;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mec up --no-docker}: the laptop demo without Docker. Every MEPM uses the local-process driver even on a
 * machine whose engine answers at the default socket; the handler is deployed through the MEO and runs as a process;
 * Car A's request goes through the 15 steps and its slice, laid out by the ISSM instead of built as an image, runs as a
 * process the edge CSE of which answers; releasing the slice stops its process; {@code ./mec down} leaves no process of
 * this system behind. No container is ever created by this system's MEPM (checked on the machine's engine when one
 * answers).
 */
class NoDockerIT {

    private static final int BASE_PORT = 25080;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEPM = "http://127.0.0.1:" + BASE_PORT + "/mepm";

    private final Path state = Path.of(System.getProperty("edgeslice.sut.state", "target/sut")).toAbsolutePath()
            .resolveSibling("sut-nodocker");

    @Test
    void withoutDockerTheHandlerAndTheSliceRunAsProcessesThroughTheFifteenStepsAndDownStopsThem() throws Exception {
        MecCommand.deleteTree(state.resolve("data"));
        MecCommand mec = new MecCommand(state, Map.of("HANDLER_SLICE_IDLE_SECONDS", "2",
                "EDGESLICE_OPTS", System.getProperty("edgeslice.nodocker.db.options", "")));
        try {
            String up = mec.run("up", "--no-docker", "--base-port", Integer.toString(BASE_PORT));
            assertTrue(up.contains("local-process driver"), up);
            JsonNode host = new Http(MEPM).get("mepm_mgmt/v1/host").json();
            assertEquals("process", host.path("driver").asText(), host.toString());
            assertEquals("process", host.at("/host/driver").asText(), "what the MEO was told: " + host);
            assertNoContainerOfThisSystem();

            // the handler, deployed through the MEO, is a process of the local-process driver
            String handlerInstance = field(up, "appInstanceId");
            long handlerPid = appProcess(handlerInstance);
            assertTrue(commandLine(handlerPid).contains("/artifacts/edgeslice/iot-slicing-handler/"),
                    commandLine(handlerPid));

            String handler = field(up, "endpoint.http");
            String cloud = "http://127.0.0.1:" + BASE_PORT + "/cloud";
            RoadScenario.Outcome o = RoadScenario.playAgainst(handler, cloud, 5);
            JsonNode carA = o.carA();
            FifteenSteps.assertSlicedThroughEveryStep(carA);

            // the slice is a process running the ISSM's layout of its function set
            String slice = carA.path("slice").path("appInstanceId").asText();
            long slicePid = appProcess(slice);
            assertTrue(ProcessHandle.of(slicePid).map(ProcessHandle::isAlive).orElse(false));
            String sliceCmd = commandLine(slicePid);
            assertTrue(sliceCmd.contains("/artifacts/edgeslice/iot-slice/"), sliceCmd);
            // the edge CSE answers: Car A's data was created and read there and reached the cloud IN-CSE
            assertTrue(o.edgeDataAtCloud(), "a CIN created at the edge appears at the CISS");
            assertTrue(o.cloudReadFromEdge(), "a cloud retrieve of a redirected resource is answered from the edge");
            assertEquals("OFFLOADING_ONLY", o.carB().path("path").asText(), o.carB().toString());
            assertNoContainerOfThisSystem();

            RoadScenario.releaseAll(handler, cloud, o);
            long deadline = System.currentTimeMillis() + 120_000;
            while (ProcessHandle.of(slicePid).map(ProcessHandle::isAlive).orElse(false)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(250);
            }
            assertFalse(ProcessHandle.of(slicePid).map(ProcessHandle::isAlive).orElse(false),
                    "releasing the slice stopped its process");
            assertTrue(ProcessHandle.of(handlerPid).map(ProcessHandle::isAlive).orElse(false), "the handler runs on");
        } finally {
            mec.run("down");
        }
        List<String> left = ProcessHandle.allProcesses().map(h -> h.info().commandLine().orElse(""))
                .filter(c -> c.contains(state.toString())).toList();
        assertTrue(left.isEmpty(), "./mec down left processes of this system: " + left);
    }

    /** The pid of an app instance's process: the MEPM's placement names its "container", the driver's record its pid. */
    private long appProcess(String appInstanceId) throws Exception {
        JsonNode placement = new Http(MEPM).get("mepm_mgmt/v1/app_instances/" + appInstanceId).json();
        assertEquals("process", placement.path("driver").asText(), placement.toString());
        String id = placement.path("containerId").asText();
        assertTrue(id.startsWith("proc-"), placement.toString());
        Path record;
        try (var files = Files.walk(state.resolve("data"))) {
            record = files.filter(p -> p.getFileName().toString().equals(id + ".json")).findFirst()
                    .orElseThrow(() -> new AssertionError("no process record " + id + " under " + state));
        }
        return JSON.readTree(record.toFile()).path("pid").asLong();
    }

    private static String commandLine(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("(not running)");
    }

    /** The machine's engine, when one answers, holds no container of this system's MEPM. */
    private static void assertNoContainerOfThisSystem() {
        Optional<DockerClient> engine = engine();
        if (engine.isEmpty()) {
            return;
        }
        try (DockerClient docker = engine.get()) {
            List<Container> ours = docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("org.edgeslice.mepm.manager", MEPM)).exec();
            assertTrue(ours.isEmpty(), "containers of the --no-docker system: "
                    + ours.stream().map(c -> c.getNames()[0]).toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Optional<DockerClient> engine() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(Engines.dockerHost()).build();
        DockerClient client = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(30)).build());
        try {
            client.pingCmd().exec();
            return Optional.of(client);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String field(String output, String key) {
        for (String token : output.split("\\s+")) {
            if (token.startsWith(key + "=")) {
                return token.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in:\n" + output);
    }
}

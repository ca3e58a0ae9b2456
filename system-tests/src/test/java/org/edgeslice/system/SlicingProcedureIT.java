package org.edgeslice.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.edgeslice.demo.RoadScenario;
import org.edgeslice.testkit.Http;
import org.junit.jupiter.api.Test;

/**
 * The 15 steps with real parts at every step: {@code ./mec up} starts the management plane on PostgreSQL and
 * deploys the IoT Slicing Handler through the MEO onto the real Docker Engine; the road scenario's devices then
 * ask for service. Checked: Car A's request takes the slicing path through every step and a slice container
 * runs; its task is offloaded and data created at the edge reaches the cloud IN-CSE; Car B's request for the
 * same functions reuses the slice (path 03-2) and a cloud retrieve of its redirected data is answered from the
 * edge; when the devices end their use, the slice is released and its container removed.
 */
class SlicingProcedureIT {

    private static final int BASE_PORT = 29080;
    private final Path root = Path.of(System.getProperty("edgeslice.root", "..")).toAbsolutePath().normalize();
    private final Path state = Path.of(System.getProperty("edgeslice.sut.state", "target/sut")).toAbsolutePath()
            .resolveSibling("sut-slicing");

    @Test
    void theFifteenStepsCreateAnIotSliceOffloadSynchroniseReuseAndRelease() throws Exception {
        DockerClient docker = Engines.docker();
        deleteTree(state.resolve("data"));
        try {
            String up = mec("up", "--base-port", Integer.toString(BASE_PORT));
            String handler = field(up, "endpoint.http");
            String cloud = "http://127.0.0.1:" + BASE_PORT + "/cloud";
            RoadScenario.Outcome o = RoadScenario.playAgainst(handler, cloud, 20);

            JsonNode carA = o.carA();
            assertEquals("COMPLETED", carA.path("state").asText(), carA.toString());
            assertEquals("SLICING", carA.path("path").asText());
            Map<String, String> outcomes = new HashMap<>();
            carA.path("steps").forEach(s -> outcomes.put(s.path("step").asText(), s.path("outcome").asText()));
            for (String step : List.of("01", "02", "03-1", "04", "05", "06-08", "09-10", "11-12", "13", "14")) {
                assertEquals("SUCCEEDED", outcomes.get(step), "step " + step + " of " + carA.path("steps"));
            }
            String sliceInstance = carA.path("slice").path("appInstanceId").asText();
            assertTrue(running(docker, sliceInstance), "the slice's container runs on the engine");
            JsonNode meoView = new Http("http://127.0.0.1:" + BASE_PORT + "/meo")
                    .get("app_lcm/v1/app_instances/" + sliceInstance).json();
            assertEquals("INSTANTIATED", meoView.path("instantiationState").asText(), meoView.toString());
            assertTrue(o.edgeDataAtCloud(), "a CIN created at the edge appears at the CISS");

            JsonNode carB = o.carB();
            assertEquals("COMPLETED", carB.path("state").asText(), carB.toString());
            assertEquals("OFFLOADING_ONLY", carB.path("path").asText());
            assertEquals(sliceInstance, carB.path("slice").path("appInstanceId").asText(), "the slice is reused");
            carB.path("steps").forEach(s -> {
                if (List.of("04", "05", "06-08").contains(s.path("step").asText())) {
                    assertEquals("SKIPPED", s.path("outcome").asText(), s.toString());
                }
            });
            assertTrue(o.cloudReadFromEdge(), "a cloud retrieve of a redirected resource is answered from the edge");

            RoadScenario.releaseAll(handler, cloud, o);
            long deadline = System.currentTimeMillis() + 120_000;
            while (running(docker, sliceInstance) && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
            }
            assertFalse(running(docker, sliceInstance), "releasing the slice removed its container");
        } finally {
            mec("down");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static boolean running(DockerClient docker, String appInstanceId) {
        List<Container> found = docker.listContainersCmd()
                .withLabelFilter(Map.of("org.edgeslice.mepm.appInstanceId", appInstanceId)).exec();
        return !found.isEmpty();
    }

    private static String field(String output, String key) {
        for (String token : output.split("\\s+")) {
            if (token.startsWith(key + "=")) {
                return token.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in:\n" + output);
    }

    /** Runs ./mec with this test's own ports, state directory, databases and a short slice idle time. */
    private String mec(String... args) throws IOException, InterruptedException {
        Files.createDirectories(state);
        Path out = Files.createTempFile(state, "mec", ".out");
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", root.resolve("mec").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put("EDGESLICE_STATE_DIR", state.toString());
        pb.environment().put("HANDLER_SLICE_IDLE_SECONDS", "2");
        String db = System.getProperty("edgeslice.slicing.db.options", "").trim();
        if (!db.isEmpty()) {
            pb.environment().put("EDGESLICE_OPTS", db);
        }
        Process p = pb.start();
        if (!p.waitFor(420, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./mec " + String.join(" ", args) + " timed out:\n" + Files.readString(out));
        }
        String text = Files.readString(out);
        assertEquals(0, p.exitValue(), "./mec " + String.join(" ", args) + ":\n" + text);
        return text;
    }
}

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.net.http.HttpRequest;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.edgeslice.demo.RoadScenario;
import org.edgeslice.testkit.Http;
import org.edgeslice.testkit.LcmOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The 15 steps with real parts at every step: {@code ./mec up} starts the management plane on PostgreSQL and
 * deploys the IoT Slicing Handler through the MEO onto the real Docker Engine; the road scenario's devices then
 * ask for service. Checked: Car A's request takes the slicing path through every step and a slice container
 * runs; its task is offloaded and data created at the edge reaches the cloud IN-CSE; Car B's request for the
 * same functions reuses the slice (path 03-2) and a cloud retrieve of its redirected data is answered from the
 * edge; when the devices end their use, the slice is released and its container removed.
 *
 * <p>On the same system (booted once for the class), an ME App goes through the whole MEC 010-2 lifecycle at the
 * MEO, through the real MEPM onto the real engine: onboard, create, instantiate, operate STOPPED and STARTED,
 * terminate, delete, with the container's state on the engine checked at each step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlicingProcedureIT {

    private static final int BASE_PORT = 29080;
    private final Path root = Path.of(System.getProperty("edgeslice.root", "..")).toAbsolutePath().normalize();
    private final Path state = Path.of(System.getProperty("edgeslice.sut.state", "target/sut")).toAbsolutePath()
            .resolveSibling("sut-slicing");

    private DockerClient docker;
    private String upOutput;

    @BeforeAll
    void up() throws Exception {
        docker = Engines.docker();
        MecCommand.deleteTree(state.resolve("data"));
        upOutput = mec("up", "--base-port", Integer.toString(BASE_PORT));
    }

    @AfterAll
    void down() throws Exception {
        mec("down");
    }

    @Test
    @Order(1)
    void anAppGoesThroughTheWholeLifecycleThroughTheRealMepmOnTheEngine() throws Exception {
        Http meo = new Http("http://127.0.0.1:" + BASE_PORT + "/meo");
        // onboard: a package of our own, from the AppD of the handler ./mec up onboarded (its image is warm)
        Http.Reply handlerAppD = meo.get("app_pkgm/v1/onboarded_app_packages/iot-slicing-handler-0.1.0/appd", "application/json");
        assertEquals(200, handlerAppD.status(), handlerAppD.toString());
        String appDId = "lifecycle-it-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode appD = (ObjectNode) handlerAppD.json();
        appD.put("appDId", appDId).put("appName", appDId);
        byte[] zip = packageZip(appD.toString());
        Http.Reply pkg = meo.post("app_pkgm/v1/app_packages", """
                {"appPkgName": "%s", "appPkgVersion": "1.0", "appProvider": "edgeslice",
                 "checksum": {"algorithm": "SHA-256", "hash": "%s"}}""".formatted(appDId,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip))));
        assertEquals(201, pkg.status(), pkg.toString());
        String pkgId = pkg.json().get("id").asText();
        Http.Reply uploaded = meo.send(HttpRequest.newBuilder(meo.uri("app_pkgm/v1/app_packages/" + pkgId + "/package_content"))
                .header("Content-Type", "application/zip").PUT(HttpRequest.BodyPublishers.ofByteArray(zip)));
        assertEquals(202, uploaded.status(), uploaded.toString());
        assertEquals("ONBOARDED", meo.get("app_pkgm/v1/app_packages/" + pkgId).json().get("onboardingState").asText());

        // create
        Http.Reply created = meo.post("app_lcm/v1/app_instances", "{\"appDId\": \"" + appDId + "\", \"appInstanceName\": \"lifecycle-it\"}");
        assertEquals(201, created.status(), created.toString());
        String id = created.json().get("id").asText();
        assertEquals("NOT_INSTANTIATED", created.json().get("instantiationState").asText());
        assertTrue(container(id).isEmpty(), "no container before instantiation");
        try {
            // instantiate on host-1: a running container
            JsonNode op = completed(meo, task(meo, id, "instantiate", "{\"selectedMECHostInfo\": [{\"hostId\": \"host-1\"}]}"));
            assertEquals("INSTATIATE", op.get("lcmOperation").asText());
            JsonNode inst = meo.get("app_lcm/v1/app_instances/" + id).json();
            assertEquals("INSTANTIATED", inst.get("instantiationState").asText(), inst.toString());
            assertEquals("STARTED", inst.at("/instantiatedAppState/operationalState").asText(), inst.toString());
            assertEquals("host-1", inst.at("/mecHostInformation/hostId").asText(), inst.toString());
            assertEquals("running", containerState(id), "the app's container runs on the engine");
            String containerId = container(id).orElseThrow().getId();

            // operate STOPPED: the container is stopped, not removed
            op = completed(meo, task(meo, id, "operate", "{\"changeStateTo\": \"STOPPED\", \"stopType\": \"FORCEFUL\"}"));
            assertEquals("OPERATE", op.get("lcmOperation").asText());
            assertEquals("STOPPED", meo.get("app_lcm/v1/app_instances/" + id).json().at("/instantiatedAppState/operationalState").asText());
            assertEquals("exited", containerState(id), "the container is stopped after STOPPED");
            assertEquals(containerId, container(id).orElseThrow().getId(), "the same container, kept");

            // operate STARTED: the same container runs again
            completed(meo, task(meo, id, "operate", "{\"changeStateTo\": \"STARTED\"}"));
            assertEquals("STARTED", meo.get("app_lcm/v1/app_instances/" + id).json().at("/instantiatedAppState/operationalState").asText());
            assertEquals("running", containerState(id), "the container runs after STARTED");

            // terminate: the container is gone
            op = completed(meo, task(meo, id, "terminate", "{\"terminationType\": \"FORCEFUL\"}"));
            assertEquals("TERMINATE", op.get("lcmOperation").asText());
            assertEquals("NOT_INSTANTIATED", meo.get("app_lcm/v1/app_instances/" + id).json().get("instantiationState").asText());
            assertTrue(container(id).isEmpty(), "the container is removed after termination");
            JsonNode ops = meo.get("app_lcm/v1/app_lcm_op_occs?filter=(eq,appInstanceId," + id + ")").json();
            assertEquals(4, ops.size(), ops.toString());
            ops.forEach(o -> assertEquals("COMPLETED", o.get("operationState").asText(), o.toString()));
        } finally {
            // leave nothing behind on the shared engine, whatever failed above
            JsonNode now = meo.get("app_lcm/v1/app_instances/" + id).json();
            if ("INSTANTIATED".equals(now.path("instantiationState").asText())) {
                Http.Reply t = meo.post("app_lcm/v1/app_instances/" + id + "/terminate", "{\"terminationType\": \"FORCEFUL\"}");
                if (t.status() == 202) {
                    awaitOp(meo, t.header("Location").orElseThrow());
                }
            }
        }
        // delete the instance and the package
        assertEquals(204, meo.delete("app_lcm/v1/app_instances/" + id).status());
        assertEquals(404, meo.get("app_lcm/v1/app_instances/" + id).status());
        assertEquals(200, meo.patch("app_pkgm/v1/app_packages/" + pkgId, "{\"operationalState\": \"DISABLED\"}",
                "application/merge-patch+json").status());
        assertEquals(204, meo.delete("app_pkgm/v1/app_packages/" + pkgId).status());
    }

    private static String task(Http meo, String id, String task, String body) {
        Http.Reply r = meo.post("app_lcm/v1/app_instances/" + id + "/" + task, body);
        assertEquals(202, r.status(), task + ": " + r);
        return r.header("Location").orElseThrow();
    }

    private static JsonNode completed(Http meo, String location) throws InterruptedException {
        JsonNode op = awaitOp(meo, location);
        assertEquals("COMPLETED", op.get("operationState").asText(), op.toString());
        return op;
    }

    private static JsonNode awaitOp(Http meo, String location) throws InterruptedException {
        return LcmOperations.awaitEnd(meo, location, Duration.ofSeconds(120));
    }

    /** The instance's container on the engine, running or not. */
    private Optional<Container> container(String appInstanceId) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("org.edgeslice.mepm.appInstanceId", appInstanceId)).exec().stream().findFirst();
    }

    private String containerState(String appInstanceId) {
        return container(appInstanceId).map(Container::getState).orElse("absent");
    }

    private static byte[] packageZip(String appD) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("TOSCA-Metadata/TOSCA.meta"));
            z.write(("TOSCA-Meta-File-Version: 1.0\nCSAR-Version: 1.1\nCreated-By: SlicingProcedureIT\n"
                    + "Entry-Definitions: Definitions/appd.json\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("Definitions/appd.json"));
            z.write(appD.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    @Order(2)
    void theFifteenStepsCreateAnIotSliceOffloadSynchroniseReuseAndRelease() throws Exception {
        String up = upOutput;
        String handler = field(up, "endpoint.http");
        String cloud = "http://127.0.0.1:" + BASE_PORT + "/cloud";
        RoadScenario.Outcome o = RoadScenario.playAgainst(handler, cloud, 20);

        JsonNode carA = o.carA();
        FifteenSteps.assertSlicedThroughEveryStep(carA);
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
    }

    /**
     * After the first slice, the MEPM keeps a standby container of the slice's AppD warmed up; the next new slice
     * takes it over: the instance records that container, it runs the slice (the device gets its endpoints), it
     * is renamed after the instance, and releasing the slice removes it like any other.
     */
    @Test
    @Order(3)
    void aNewSliceTakesOverAStandbyContainerAndItsReleaseRemovesIt() throws Exception {
        Http mepm = new Http("http://127.0.0.1:" + BASE_PORT + "/mepm");
        long deadline = System.currentTimeMillis() + 120_000;
        JsonNode pool = mepm.get("mepm_mgmt/v1/standby").json();
        while (!pool.path("ready").elements().hasNext() || pool.path("ready").elements().next().asInt() < 1) {
            assertTrue(System.currentTimeMillis() < deadline, "a standby container is ready within 120 s: " + pool);
            Thread.sleep(500);
            pool = mepm.get("mepm_mgmt/v1/standby").json();
        }
        assertEquals(400, mepm.put("mepm_mgmt/v1/standby", "{\"size\": 1, \"ready\": {}}").status(),
                "ready is read-only");
        assertEquals(400, mepm.put("mepm_mgmt/v1/standby", "{\"size\": -1}").status());

        String handler = field(upOutput, "endpoint.http");
        Http device = new Http(handler);
        Http.Reply asked = device.post("iot_slicing/v1/requests", """
                {"deviceId": "car-standby", "serviceType": "vehicle-telemetry",
                 "functions": ["registration", "retrieve", "subscription", "notification"],
                 "tasks": ["/in-cse/Cars/CarA"], "latencyMs": 10, "dataRate": 5}""");
        assertEquals(201, asked.status(), asked.toString());
        String request = asked.header("Location").orElseThrow();
        JsonNode state = device.get(request).json();
        while ("PROCESSING".equals(state.path("state").asText()) && System.currentTimeMillis() < deadline + 60_000) {
            Thread.sleep(50);
            state = device.get(request).json();
        }
        assertEquals("COMPLETED", state.path("state").asText(), state.toString());
        assertEquals("SLICING", state.path("path").asText(), state.toString());
        String sliceInstance = state.path("slice").path("appInstanceId").asText();
        String containerId = mepm.get("mepm_mgmt/v1/app_instances/" + sliceInstance).json().path("containerId").asText();
        var inspected = docker.inspectContainerCmd(containerId).exec();
        assertTrue(inspected.getState().getRunning(), "the taken-over container runs the slice");
        assertTrue(inspected.getConfig().getLabels().containsKey("org.edgeslice.mepm.standby"),
                "the instance's container is the standby one: " + inspected.getConfig().getLabels());
        String expectedName = "/mepm-host-1-" + sliceInstance;
        long renamed = System.currentTimeMillis() + 10_000;
        while (!expectedName.equals(docker.inspectContainerCmd(containerId).exec().getName())
                && System.currentTimeMillis() < renamed) {
            Thread.sleep(100);
        }
        assertEquals(expectedName, docker.inspectContainerCmd(containerId).exec().getName(),
                "operators find the container by the instance's name");

        // the app's data directory on the host (bind-mounted at the same path): removed with the instance
        java.nio.file.Path dataDir = java.nio.file.Path.of(inspected.getHostConfig().getBinds()[0].getPath());
        assertTrue(java.nio.file.Files.isDirectory(dataDir), "the slice's data directory " + dataDir);

        String sliceId = state.path("slice").path("sliceId").asText();
        assertEquals(204, device.delete(request).status());
        assertEquals(204, new Http("http://127.0.0.1:" + BASE_PORT + "/cloud").delete("iscl/v1/slices/" + sliceId).status());
        long gone = System.currentTimeMillis() + 120_000;
        while (!docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(containerId)).exec().isEmpty()
                && System.currentTimeMillis() < gone) {
            Thread.sleep(500);
        }
        assertTrue(docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(containerId)).exec().isEmpty(),
                "releasing the slice removed the taken-over container");
        assertFalse(java.nio.file.Files.exists(dataDir), "terminating the instance removed its data directory " + dataDir);
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
        return new MecCommand(state, Map.of("HANDLER_SLICE_IDLE_SECONDS", "2",
                "EDGESLICE_OPTS", System.getProperty("edgeslice.slicing.db.options", ""))).run(args);
    }
}

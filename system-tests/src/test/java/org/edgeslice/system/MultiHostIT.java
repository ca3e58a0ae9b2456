package org.edgeslice.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeslice.testkit.Http;
import org.edgeslice.testkit.LcmOperations;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mec up --hosts 2}: two MEC hosts on one machine, each a MEPM + MEC platform with a Docker Engine of its
 * own (a second dockerd), registered at the one MEO with distinct locations. Each engine runs only its host's apps,
 * and placement follows the requester's location to the nearer host.
 */
class MultiHostIT {

    private static final int BASE_PORT = 26080;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoHostsRunTheirAppsOnTheirOwnEnginesAndPlacementPicksTheNearerHost() throws Exception {
        Engines.docker(); // Docker is required under ./mec test; skipped elsewhere without an engine
        Path state = Path.of(System.getProperty("edgeslice.sut.state", "target/sut")).toAbsolutePath()
                .resolveSibling("sut-hosts");
        MecCommand.deleteTree(state.resolve("data"));
        // MEO and cloud platform on this test's PostgreSQL databases; each host's MEPM and MEC platform keep the
        // launcher's per-host embedded database
        MecCommand mec = new MecCommand(state, Map.of("EDGESLICE_OPTS",
                System.getProperty("edgeslice.hosts.db.options", "")));
        try {
            String up = mec.run("up", "--hosts", "2", "--base-port", Integer.toString(BASE_PORT));
            assertTrue(up.contains("host=host-1") && up.contains("host=host-2"), "a handler on each host:\n" + up);
            JsonNode status = JSON.readTree(mec.run("status", "--json"));
            JsonNode hosts = status.get("hosts");
            assertEquals(2, hosts.size(), status.toString());
            Map<String, JsonNode> byId = new HashMap<>();
            hosts.forEach(h -> byId.put(h.get("id").asText(), h));
            JsonNode h1 = byId.get("host-1");
            JsonNode h2 = byId.get("host-2");
            assertNotEquals(h1.get("docker").asText(), h2.get("docker").asText(), "an engine per host");
            assertNotEquals(h1.at("/location/zone").asText(), h2.at("/location/zone").asText(), "distinct locations");
            assertNotEquals(h1.get("mepm").asText(), h2.get("mepm").asText());

            Http meo = new Http("http://127.0.0.1:" + BASE_PORT + "/meo");
            JsonNode registered = meo.get("mec_hosts/v1/hosts").json();
            Set<String> ids = new HashSet<>();
            registered.forEach(h -> ids.add(h.get("hostId").asText()));
            assertTrue(ids.containsAll(Set.of("host-1", "host-2")), "both hosts registered at the MEO: " + registered);

            try (DockerClient e1 = engine(h1.get("docker").asText()); DockerClient e2 = engine(h2.get("docker").asText())) {
                assertOnlyHostsApps(e1, h1, 1);
                assertOnlyHostsApps(e2, h2, 1);

                // a requester next to host-2: placement picks host-2 and only host-2's engine gets the container
                Http.Reply created = meo.post("app_lcm/v1/app_instances",
                        "{\"appDId\": \"iot-slicing-handler-0.1.0\", \"appInstanceName\": \"placed-north\"}");
                assertEquals(201, created.status(), created.toString());
                String id = created.json().get("id").asText();
                Http.Reply inst = meo.post("app_lcm/v1/app_instances/" + id + "/instantiate",
                        "{\"requesterLocation\": {\"latitude\": " + h2.at("/location/latitude").asDouble()
                                + ", \"longitude\": " + h2.at("/location/longitude").asDouble() + "}}");
                assertEquals(202, inst.status(), inst.toString());
                JsonNode op = awaitOp(meo, inst.header("Location").orElseThrow());
                assertEquals("COMPLETED", op.get("operationState").asText(), op.toString());
                assertEquals("host-2", meo.get("app_lcm/v1/app_instances/" + id).json()
                        .at("/mecHostInformation/hostId").asText());
                assertOnlyHostsApps(e2, h2, 2);
                assertOnlyHostsApps(e1, h1, 1);

                Http.Reply term = meo.post("app_lcm/v1/app_instances/" + id + "/terminate",
                        "{\"terminationType\": \"FORCEFUL\"}");
                assertEquals(202, term.status(), term.toString());
                assertEquals("COMPLETED", awaitOp(meo, term.header("Location").orElseThrow())
                        .get("operationState").asText());
                assertEquals(204, meo.delete("app_lcm/v1/app_instances/" + id).status());
                assertOnlyHostsApps(e2, h2, 1);
            }
        } finally {
            mec.run("down");
        }
    }

    /**
     * The engine runs {@code expected} ME App containers of this system's MEPM of {@code host}, and no container of
     * the other host's MEPM. (Host-1's engine is the machine's shared one: other systems' apps may run there too.)
     */
    private static void assertOnlyHostsApps(DockerClient engine, JsonNode host, int expected) {
        String hostId = host.get("id").asText();
        List<Container> ours = engine.listContainersCmd().withLabelFilter(Map.of("org.edgeslice.mepm.managed", "true",
                "org.edgeslice.mepm.manager", host.get("mepm").asText())).exec();
        ours.forEach(c -> assertEquals(hostId, c.getLabels().get("org.edgeslice.mepm.host"), c.getNames()[0]));
        // standby containers (warmed up ahead of an instantiation, not yet any app instance) are not apps
        assertEquals(expected, ours.stream().filter(c -> "running".equals(c.getState()))
                        .filter(c -> !c.getNames()[0].contains("-standby-")).count(),
                hostId + "'s engine: " + ours.stream().map(c -> c.getNames()[0]).toList());
        List<Container> foreign = engine.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("org.edgeslice.mepm.managed", "true")).exec().stream()
                .filter(c -> ofThisSystem(c.getLabels().get("org.edgeslice.mepm.manager")))
                .filter(c -> !hostId.equals(c.getLabels().get("org.edgeslice.mepm.host"))).toList();
        assertTrue(foreign.isEmpty(), "another host's app on " + hostId + "'s engine: " + foreign.stream()
                .map(c -> c.getNames()[0]).toList());
    }

    /** A manager label of one of this test's MEPMs (host-1 on the base port, host-2 ten above); null: not ours. */
    private static boolean ofThisSystem(String manager) {
        return manager != null && (manager.startsWith("http://127.0.0.1:" + BASE_PORT + "/")
                || manager.startsWith("http://127.0.0.1:" + (BASE_PORT + 10) + "/"));
    }

    private static DockerClient engine(String dockerHost) {
        return Engines.client(dockerHost, Duration.ofSeconds(60));
    }

    private static JsonNode awaitOp(Http meo, String location) throws InterruptedException {
        return LcmOperations.awaitEnd(meo, location, Duration.ofSeconds(120));
    }
}

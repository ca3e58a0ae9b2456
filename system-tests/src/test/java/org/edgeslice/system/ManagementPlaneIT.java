package org.edgeslice.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mec up} brings every built service to ready on loopback, {@code status --json} lists them in the
 * agreed shape, and {@code down} leaves no process or port behind.
 */
class ManagementPlaneIT {

    @Test
    void upListsEveryServiceAndDownLeavesNothingBehind() throws Exception {
        Set<Integer> ports = new HashSet<>();
        try (SystemUnderTest sut = SystemUnderTest.start()) {
            assertTrue(sut.upOutput().contains("Ready in"), sut.upOutput());
            JsonNode status = sut.status();
            Set<String> names = new HashSet<>();
            for (JsonNode s : status.get("services")) {
                names.add(s.get("name").asText());
                assertTrue(s.has("apiRoot") && s.has("health") && s.has("openapi"), s.toString());
                if (!s.get("name").asText().equals("csfr")) {
                    assertEquals("UP", s.get("health").asText(), s.toString());
                    assertTrue(s.get("apiRoot").asText().startsWith("http://127.0.0.1:"), s.toString());
                    ports.add(java.net.URI.create(s.get("apiRoot").asText()).getPort());
                }
            }
            assertTrue(names.contains("mec-platform"), names.toString());
            assertTrue(names.contains("csfr"), names.toString());
            JsonNode host = status.get("hosts").get(0);
            assertEquals("host-1", host.get("id").asText());
            for (String field : new String[] {"name", "location", "mepm", "mecPlatform", "docker"}) {
                assertTrue(host.has(field), "host lacks " + field + ": " + host);
            }
            assertTrue(host.get("docker").asText().startsWith("unix://"), host.toString());
            for (int port : ports) {
                assertTrue(listening(port), "port " + port + " is open while up");
            }
        }
        for (int port : ports) {
            assertFalse(listening(port), "port " + port + " is still open after down");
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

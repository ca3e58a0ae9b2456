package org.edgeslice.handler;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift check between the contract document openapi/iot-slicing-handler.yaml (module openapi) and what the handler
 * routes: every documented path and method answers with something other than "no such resource/method".
 */
class DeviceApiContractTest {
    @TempDir
    Path dir;

    @Test
    void everyDocumentedOperationIsRouted() throws Exception {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/openapi/iot-slicing-handler.yaml")) {
            assertNotNull(in, "contract document on the classpath (openapi module)");
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String[]> ops = new ArrayList<>();
        String path = null;
        Matcher m = Pattern.compile("(?m)^  (/\\S+):$|^    (get|post|put|patch|delete):").matcher(yaml);
        while (m.find()) {
            if (m.group(1) != null) {
                path = m.group(1);
            } else {
                ops.add(new String[] {m.group(2).toUpperCase(), path});
            }
        }
        assertTrue(ops.size() >= 6, "operations found: " + ops.size());
        try (SlicingHandler h = SlicingHandler.start(HandlerApiTest.config(dir, "3600"), new FakeIscl(),
                Clock.systemUTC(), a -> { })) {
            for (String[] op : ops) {
                String url = h.apiRoot() + op[1].replace("{requestId}", "unknown-id");
                Http.Reply r = Http.send(op[0], url, op[0].equals("POST") ? "application/json" : null,
                        op[0].equals("POST") ? HandlerApiTest.CAR : null);
                assertNotEquals(405, r.status(), op[0] + " " + op[1]);
                if (!op[1].contains("{")) {
                    assertNotEquals(404, r.status(), op[0] + " " + op[1]);
                } else {
                    assertTrue(r.body().contains("unknown-id"), "404 for the unknown id, not for the path: " + r.body());
                }
            }
        }
    }
}

package org.edgeslice.slice.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.edgeslice.meapp.mp1.FakeMp1Platform;
import org.edgeslice.meapp.mp1.Mp1Settings;
import org.edgeslice.slice.Slice;
import org.edgeslice.slice.config.SliceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slice as an ME App against the fake MEC platform of mec-app-client's test-jar. */
class Mp1PlatformLifecycleTest {
    @TempDir
    Path dir;

    private static Mp1Settings settings(FakeMp1Platform platform) {
        return Mp1Settings.from(Map.of("MEC_MP1_URL", platform.url(), "MEC_APP_INSTANCE_ID", "slice-app-1",
                "MEC_CLIENT_ID", platform.clientId, "MEC_CLIENT_SECRET", platform.clientSecret,
                "MEC_APP_D_ID", "appd-slice")::get);
    }

    private SliceConfig config() {
        Map<String, String> env = new HashMap<>(Map.of("SLICE_FUNCTIONS", "registration,retrieve",
                "SLICE_HTTP_PORT", "0", "SLICE_PORT_REGISTRATION", "0", "SLICE_PORT_RETRIEVE", "0",
                "SLICE_DATA_DIR", dir.toString(), "SLICE_CSE_NAME", "cse-s1", "SLICE_CSE_ID", "/id-s1"));
        return SliceConfig.from(env::get);
    }

    @Test
    void aReadySliceRegistersEachFunctionAsAMecServiceAndConfirmsReady() throws Exception {
        try (FakeMp1Platform platform = new FakeMp1Platform()) {
            Mp1PlatformLifecycle mp1 = new Mp1PlatformLifecycle(settings(platform), "", "127.0.0.1", "/id-test", "cse-test");
            try (Slice slice = Slice.start(config(), mp1)) {
                JsonNode registration = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        platform.calls("POST", "/mec_app_support/v2/registrations").get(0).body());
                assertEquals("appd-slice", registration.get("appDId").asText());
                assertEquals("slice-app-1", registration.get("appInstanceId").asText());
                Map<String, String> byName = new HashMap<>();
                for (JsonNode s : platform.services.values()) {
                    byName.put(s.get("serName").asText(), s.get("transportInfo").get("endpoint").get("uris").get(0).asText());
                    assertEquals("onem2m-csf", s.get("serCategory").get("id").asText());
                    assertEquals(platform.url() + "/mec_app_support/v2/registrations/slice-app-1",
                            s.get("serCategory").get("href").asText());
                }
                SliceEndpoints e = slice.endpoints();
                assertEquals(Map.of("onem2m-cse", "http://127.0.0.1:" + e.mainPort(),
                        "onem2m-registration", "http://127.0.0.1:" + e.functionPorts().values().stream()
                                .filter(p -> byName.get("onem2m-registration").endsWith(":" + p)).findFirst().orElseThrow(),
                        "onem2m-retrieve", byName.get("onem2m-retrieve")), byName);
                assertEquals(1, platform.calls("POST", "/confirm_ready").size());
            }
            assertEquals(0, platform.services.size(), "a slice stopping on its own withdraws its services");
        }
    }

    @Test
    void terminationRunsTheFinalSyncThenConfirmsThenExits() throws Exception {
        try (FakeMp1Platform platform = new FakeMp1Platform()) {
            List<String> events = new CopyOnWriteArrayList<>();
            CountDownLatch exited = new CountDownLatch(1);
            Mp1PlatformLifecycle mp1 = new Mp1PlatformLifecycle(settings(platform), "", "127.0.0.1", "/id-test", "cse-test")
                    .onTermination(() -> events.add("final sync, confirmations before: "
                            + platform.calls("POST", "/confirm_termination").size()), a -> {
                        events.add("exit " + a);
                        exited.countDown();
                    });
            try (Slice slice = Slice.start(config(), mp1)) {
                String callback = platform.subscriptions.values().iterator().next().get("callbackReference").asText();
                assertTrue(callback.startsWith("http://127.0.0.1:"), callback);
                assertEquals(204, FakeMp1Platform.notify(callback, "{\"notificationType\":\"AppTerminationNotification\","
                        + "\"operationAction\":\"TERMINATING\",\"maxGracefulTimeout\":5}"));
                assertTrue(exited.await(5, TimeUnit.SECONDS));
                assertEquals(List.of("final sync, confirmations before: 0", "exit TERMINATING"), events);
                assertEquals(1, platform.calls("POST", "/confirm_termination").size());
            }
            assertEquals(2 + 1, platform.services.size(), "after a platform termination the platform removes them");
        }
    }
}

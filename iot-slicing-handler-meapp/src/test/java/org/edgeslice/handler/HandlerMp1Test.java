package org.edgeslice.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.edgeslice.handler.config.HandlerConfig;
import org.edgeslice.meapp.mp1.FakeMp1Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handler as an ME App against a fake MEC platform: Mp1 start-up, slice table from availability notifications. */
class HandlerMp1Test {
    @TempDir
    Path dir;

    private static HandlerConfig config(FakeMp1Platform platform, Path dir) {
        Map<String, String> env = new HashMap<>(Map.of("MEC_MP1_URL", platform.url(), "MEC_APP_INSTANCE_ID", "handler-1",
                "MEC_CLIENT_ID", platform.clientId, "MEC_CLIENT_SECRET", platform.clientSecret, "MEC_PORTS", "http=0",
                "MEC_HOST_ID", "host-1", "MEC_DATA_DIR", dir.toString(), "MEC_APP_D_ID", "appd-handler",
                "HANDLER_FSYNC", "false"));
        return HandlerConfig.from(env::get);
    }

    private static String sliceService(String serInstanceId, String serName, String app, String uri) {
        return "{\"serInstanceId\":\"" + serInstanceId + "\",\"serName\":\"" + serName + "\",\"serCategory\":{\"href\":"
                + "\"http://127.0.0.1/mep/mec_app_support/v2/registrations/" + app + "\",\"id\":\"onem2m-csf\","
                + "\"name\":\"oneM2M CSF\"},\"version\":\"1\",\"state\":\"ACTIVE\",\"serializer\":\"JSON\","
                + "\"transportInfo\":{\"id\":\"rest-http\",\"name\":\"REST\",\"type\":\"REST_HTTP\",\"protocol\":\"HTTP\","
                + "\"version\":\"1.1\",\"endpoint\":{\"uris\":[\"" + uri + "\"]}}}";
    }

    private static String availability(String serInstanceId, String serName, String state, String change) {
        return "{\"notificationType\":\"SerAvailabilityNotification\",\"serviceReferences\":[{\"serName\":\"" + serName
                + "\",\"serInstanceId\":\"" + serInstanceId + "\",\"state\":\"" + state + "\",\"changeType\":\"" + change
                + "\"}],\"_links\":{\"subscription\":{\"href\":\"http://127.0.0.1/x\"}}}";
    }

    private static String callback(FakeMp1Platform platform, String type) {
        return platform.subscriptions.values().stream().filter(s -> s.get("subscriptionType").asText().equals(type))
                .findFirst().orElseThrow().get("callbackReference").asText();
    }

    static void eventually(Runnable assertion) throws InterruptedException {
        AssertionError last = null;
        for (int i = 0; i < 200; i++) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                last = e;
                Thread.sleep(20);
            }
        }
        throw last;
    }

    @Test
    void registersItsServiceConfirmsReadyAndFollowsSlicesThroughAvailabilityNotifications() throws Exception {
        try (FakeMp1Platform platform = new FakeMp1Platform()) {
            FakeIscl iscl = new FakeIscl();
            CountDownLatch exited = new CountDownLatch(1);
            try (SlicingHandler h = SlicingHandler.start(config(platform, dir), iscl, Clock.systemUTC(),
                    a -> exited.countDown())) {
                JsonNode registration = Http.JSON.readTree(
                        platform.calls("POST", "/mec_app_support/v2/registrations").get(0).body());
                assertEquals("iot-slicing-handler", registration.get("appName").asText());
                assertEquals("appd-handler", registration.get("appDId").asText());
                JsonNode service = platform.services.values().iterator().next();
                assertEquals("iot-slicing-handler", service.get("serName").asText());
                assertEquals(h.apiRoot() + "/iot_slicing/v1",
                        service.get("transportInfo").get("endpoint").get("uris").get(0).asText());
                assertEquals(1, platform.calls("POST", "/confirm_ready").size());
                String cb = callback(platform, "SerAvailabilityNotificationSubscription");
                assertTrue(cb.startsWith("http://127.0.0.1:" + h.port() + "/mp1/notifications/"), cb);
                JsonNode filter = platform.subscriptions.values().stream()
                        .filter(s -> s.has("filteringCriteria")).findFirst().orElseThrow().get("filteringCriteria");
                assertEquals("onem2m-csf", filter.get("serCategories").get(0).get("id").asText());
                assertEquals("READY", Http.get(h.apiRoot() + "/iot_slicing/v1/health").json().get("platform").asText());

                // a slice appears on the host: its services are announced
                platform.services.put("s-r", Http.JSON.readTree(sliceService("s-r", "onem2m-retrieve", "mp1-app-9",
                        "http://127.0.0.1:40092")));
                platform.services.put("s-g", Http.JSON.readTree(sliceService("s-g", "onem2m-registration", "mp1-app-9",
                        "http://127.0.0.1:40091")));
                assertEquals(204, FakeMp1Platform.notify(cb, availability("s-r", "onem2m-retrieve", "ACTIVE", "ADDED")));
                assertEquals(204, FakeMp1Platform.notify(cb, availability("s-g", "onem2m-registration", "ACTIVE", "ADDED")));
                eventually(() -> {
                    JsonNode slices = Http.get(h.apiRoot() + "/iot_slicing/v1/slices").json();
                    assertEquals(1, slices.size());
                    assertEquals(2, slices.get(0).get("functions").size());
                });

                String loc = Http.post(h.apiRoot() + "/iot_slicing/v1/requests", HandlerApiTest.CAR).header("Location");
                JsonNode done = HandlerApiTest.awaitState(loc, "COMPLETED");
                assertEquals("OFFLOADING_ONLY", done.get("path").asText(), "covered by the announced slice");
                assertEquals("mp1-app-9", iscl.submitted.get(0).slice());
                assertEquals("http://127.0.0.1:40092", done.get("slice").get("endpoints").get("retrieve").asText(),
                        "the endpoint the slice announced to the platform");

                // the slice's services go away: the slice vanished, the device's request is RELEASED
                platform.services.remove("s-r");
                platform.services.remove("s-g");
                FakeMp1Platform.notify(cb, availability("s-r", "onem2m-retrieve", "INACTIVE", "REMOVED"));
                FakeMp1Platform.notify(cb, availability("s-g", "onem2m-registration", "INACTIVE", "REMOVED"));
                eventually(() -> assertEquals("RELEASED", Http.get(loc).json().get("state").asText()));
                assertEquals(0, Http.get(h.apiRoot() + "/iot_slicing/v1/slices").json().size());

                // the MEC platform terminates the handler
                FakeMp1Platform.notify(callback(platform, "AppTerminationNotificationSubscription"),
                        "{\"notificationType\":\"AppTerminationNotification\",\"operationAction\":\"TERMINATING\","
                                + "\"maxGracefulTimeout\":5}");
                assertTrue(exited.await(5, TimeUnit.SECONDS));
                assertEquals(List.of("{\"operationAction\":\"TERMINATING\"}"),
                        platform.calls("POST", "/confirm_termination").stream().map(FakeMp1Platform.Call::body).toList());
            }
        }
    }

    @Test
    void atStartTheTableDropsSlicesWhoseServicesAreGoneAndLearnsNewOnes() throws Exception {
        try (FakeMp1Platform platform = new FakeMp1Platform()) {
            platform.services.put("s-x", Http.JSON.readTree(sliceService("s-x", "onem2m-notification", "mp1-app-3",
                    "http://127.0.0.1:40033")));
            try (SlicingHandler h = SlicingHandler.start(config(platform, dir), new FakeIscl(), Clock.systemUTC(),
                    a -> { })) {
                JsonNode slices = Http.get(h.apiRoot() + "/iot_slicing/v1/slices").json();
                assertEquals(1, slices.size());
                assertEquals("mp1-app-3", slices.get(0).get("appInstanceId").asText());
            }
            platform.services.remove("s-x");
            try (SlicingHandler h = SlicingHandler.start(config(platform, dir), new FakeIscl(), Clock.systemUTC(),
                    a -> { })) {
                assertEquals(0, Http.get(h.apiRoot() + "/iot_slicing/v1/slices").json().size(),
                        "the persisted slice is gone from the platform");
                assertEquals(1, platform.services.size(), "the handler's own service was updated, not duplicated");
            }
        }
    }
}

package org.edgeslice.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.edgeslice.handler.request.SlicingPath;
import org.edgeslice.handler.store.HandlerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State across restarts, and slices going away. */
class HandlerLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void aRestartedHandlerKeepsItsRequestsAndSliceTableAndStillReusesTheSlice() throws Exception {
        FakeIscl iscl = new FakeIscl();
        String location;
        JsonNode before;
        try (SlicingHandler h = SlicingHandler.start(HandlerApiTest.config(dir, "3600"), iscl, Clock.systemUTC(), a -> { })) {
            location = Http.post(h.apiRoot() + "/iot_slicing/v1/requests", HandlerApiTest.CAR).header("Location");
            before = HandlerApiTest.awaitState(location, "COMPLETED");
            String other = Http.post(h.apiRoot() + "/iot_slicing/v1/requests", HandlerApiTest.CAR).header("Location");
            HandlerApiTest.awaitState(other, "COMPLETED");
            assertEquals(204, Http.delete(other).status());
        }
        FakeIscl iscl2 = new FakeIscl();
        try (SlicingHandler h = SlicingHandler.start(HandlerApiTest.config(dir, "3600"), iscl2, Clock.systemUTC(), a -> { })) {
            String moved = location.replaceFirst(":\\d+/", ":" + h.port() + "/");
            JsonNode after = Http.get(moved).json();
            assertEquals(before.get("steps"), after.get("steps"));
            assertEquals(before.get("slice"), after.get("slice"));
            assertEquals("COMPLETED", after.get("state").asText());
            JsonNode all = Http.get(h.apiRoot() + "/iot_slicing/v1/requests").json();
            assertEquals(1, all.size(), "the deleted request stays deleted");
            JsonNode slices = Http.get(h.apiRoot() + "/iot_slicing/v1/slices").json();
            assertEquals(1, slices.size());
            assertEquals(1, slices.get(0).get("users").size());
            String again = Http.post(h.apiRoot() + "/iot_slicing/v1/requests", HandlerApiTest.CAR).header("Location");
            assertEquals("OFFLOADING_ONLY", HandlerApiTest.awaitState(again, "COMPLETED").get("path").asText(),
                    "the slice table survived the restart");
        }
    }

    @Test
    void anOffloadingOnlyRequestIsSavedWithItsOutcomeAndRunAgainAfterACrashBeforeIt() throws Exception {
        FakeIscl iscl = new FakeIscl();
        iscl.offloadingOutcomeWithAnswer = true;
        String second;
        SlicingHandler h = SlicingHandler.start(HandlerApiTest.config(dir, "3600"), iscl, Clock.systemUTC(), a -> { });
        try {
            String first = Http.post(h.apiRoot() + "/iot_slicing/v1/requests", HandlerApiTest.CAR).header("Location");
            HandlerApiTest.awaitState(first, "COMPLETED");
            iscl.gate = new CountDownLatch(1); // the ISCL works on the offload when the handler "crashes"
            second = Http.post(h.apiRoot() + "/iot_slicing/v1/requests", HandlerApiTest.CAR).header("Location");
            assertTrue(iscl.atGate.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS), "the ISCL was asked");
            assertEquals(SlicingPath.OFFLOADING_ONLY, iscl.submitted.get(1).path());
            JsonNode waiting = Http.get(second).json();
            assertEquals("PROCESSING", waiting.get("state").asText());
            assertEquals(1, waiting.get("steps").size(), "02 and 03-2 are saved with the ISCL's answer: " + waiting);
        } finally {
            h.close();
            iscl.gate.countDown();
        }
        FakeIscl iscl2 = new FakeIscl();
        iscl2.offloadingOutcomeWithAnswer = true;
        try (SlicingHandler h2 = SlicingHandler.start(HandlerApiTest.config(dir, "3600"), iscl2, Clock.systemUTC(), a -> { })) {
            String moved = second.replaceFirst(":\\d+/", ":" + h2.port() + "/");
            JsonNode done = HandlerApiTest.awaitState(moved, "COMPLETED");
            assertEquals("OFFLOADING_ONLY", done.get("path").asText());
            assertEquals(1, iscl2.submitted.size(), "asked again: offloading the same task again is harmless");
            assertTrue(done.get("isclRequest").asText().endsWith(done.get("id").asText()), done.toString());
            assertTrue(done.get("steps").toString().contains("accepted and answered by the ISCL"), done.toString());
        }
    }

    @Test
    void aRequestTheIsclAcceptedBeforeACrashIsFollowedAfterTheRestart() throws Exception {
        FakeIscl iscl = new FakeIscl();
        iscl.gate = new CountDownLatch(1); // the ISCL never answers before the "crash"
        String location;
        SlicingHandler h = SlicingHandler.start(HandlerApiTest.config(dir, "3600"), iscl, Clock.systemUTC(), a -> { });
        try {
            location = Http.post(h.apiRoot() + "/iot_slicing/v1/requests", HandlerApiTest.CAR).header("Location");
            assertTrue(iscl.atGate.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS), "the ISCL was asked");
            assertTrue(Http.get(location).json().has("isclRequest"));
        } finally {
            h.close();
            iscl.gate.countDown();
        }
        FakeIscl iscl2 = new FakeIscl();
        try (SlicingHandler h2 = SlicingHandler.start(HandlerApiTest.config(dir, "3600"), iscl2, Clock.systemUTC(), a -> { })) {
            String moved = location.replaceFirst(":\\d+/", ":" + h2.port() + "/");
            JsonNode done = HandlerApiTest.awaitState(moved, "COMPLETED");
            assertEquals(List.of("http://127.0.0.1:1/cloud/iscl/v1/slicing_requests/" + done.get("id").asText()),
                    iscl2.followed);
            assertEquals(0, iscl2.submitted.size(), "not asked twice");
        }
    }

    @Test
    void aTornLastLineFromACrashIsIgnored() throws Exception {
        String location;
        try (SlicingHandler h = SlicingHandler.start(HandlerApiTest.config(dir, "3600"), new FakeIscl(), Clock.systemUTC(),
                a -> { })) {
            location = Http.post(h.apiRoot() + "/iot_slicing/v1/requests", HandlerApiTest.CAR).header("Location");
            HandlerApiTest.awaitState(location, "COMPLETED");
        }
        Files.writeString(dir.resolve(HandlerStore.FILE), "{\"t\":\"request\",\"v\":{\"id\":\"torn",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (SlicingHandler h = SlicingHandler.start(HandlerApiTest.config(dir, "3600"), new FakeIscl(), Clock.systemUTC(),
                a -> { })) {
            assertEquals(1, Http.get(h.apiRoot() + "/iot_slicing/v1/requests").json().size());
            assertTrue(Files.readString(dir.resolve(HandlerStore.FILE)).endsWith("\n"), "compacted at start");
        }
    }

    @Test
    void aSliceIsReleasedThroughTheIsclWhenItsLastDeviceLeaves() throws Exception {
        FakeIscl iscl = new FakeIscl();
        try (SlicingHandler h = SlicingHandler.start(HandlerApiTest.config(dir, "0"), iscl, Clock.systemUTC(), a -> { })) {
            String a = Http.post(h.apiRoot() + "/iot_slicing/v1/requests", HandlerApiTest.CAR).header("Location");
            HandlerApiTest.awaitState(a, "COMPLETED");
            String b = Http.post(h.apiRoot() + "/iot_slicing/v1/requests", HandlerApiTest.CAR).header("Location");
            HandlerApiTest.awaitState(b, "COMPLETED");
            Http.delete(a);
            Thread.sleep(400);
            assertEquals(0, iscl.released.size(), "the other device still uses it");
            Http.delete(b);
            for (int i = 0; i < 100 && iscl.released.isEmpty(); i++) {
                Thread.sleep(20);
            }
            assertEquals("slice-1", iscl.released.get(0).sliceId());
            for (int i = 0; i < 100 && Http.get(h.apiRoot() + "/iot_slicing/v1/slices").json().size() > 0; i++) {
                Thread.sleep(20);
            }
            assertEquals(0, Http.get(h.apiRoot() + "/iot_slicing/v1/slices").json().size(), "table updated");
            String c = Http.post(h.apiRoot() + "/iot_slicing/v1/requests", HandlerApiTest.CAR).header("Location");
            assertEquals("SLICING", HandlerApiTest.awaitState(c, "COMPLETED").get("path").asText());
        }
    }

    @Test
    void aSliceIdlePastTheConfiguredTimeIsReleasedAndAFailedReleaseIsRetried() throws Exception {
        FakeIscl iscl = new FakeIscl();
        iscl.failRelease = true;
        try (SlicingHandler h = SlicingHandler.start(HandlerApiTest.config(dir, "1"), iscl, Clock.systemUTC(), a -> { })) {
            String a = Http.post(h.apiRoot() + "/iot_slicing/v1/requests", HandlerApiTest.CAR).header("Location");
            HandlerApiTest.awaitState(a, "COMPLETED");
            Http.delete(a);
            // idle for 1 s, then a release attempt, which fails; wait for it rather than for a fixed time
            for (int i = 0; i < 500 && (iscl.releaseAttempts.get() == 0
                    || Http.get(h.apiRoot() + "/iot_slicing/v1/slices").json().path(0).path("releasing").asBoolean()); i++) {
                Thread.sleep(20);
            }
            assertTrue(iscl.releaseAttempts.get() > 0, "a release was tried");
            assertEquals(1, Http.get(h.apiRoot() + "/iot_slicing/v1/slices").json().size(), "release failed: kept");
            assertEquals(false, Http.get(h.apiRoot() + "/iot_slicing/v1/slices").json().get(0).get("releasing")
                    .asBoolean());
            iscl.failRelease = false;
            for (int i = 0; i < 200 && iscl.released.isEmpty(); i++) {
                Thread.sleep(20);
            }
            assertEquals(1, iscl.released.size(), "released on a later sweep");
        }
    }

    @Test
    void configurationComesFromMecPortsUnlessOverridden() {
        var c = org.edgeslice.handler.config.HandlerConfig.from(Map.of("MEC_PORTS", "http=40123",
                "MEC_DATA_DIR", "/var/lib/x", "MEC_HOST_ID", "h9", "MEC_MP1_URL", "http://127.0.0.1:1/mep",
                "MEC_APP_INSTANCE_ID", "i1")::get);
        assertEquals(40123, c.port());
        assertEquals(Path.of("/var/lib/x"), c.dataDir());
        assertEquals("h9", c.hostId());
        assertTrue(c.usesMp1());
        assertEquals("http://127.0.0.1:18080/cloud", c.isclUrl());
        assertEquals("http://127.0.0.1:40123", c.publicUrl(40123));
        var d = org.edgeslice.handler.config.HandlerConfig.from(Map.of("MEC_PORTS", "http=40123",
                "HANDLER_HTTP_PORT", "40500", "HANDLER_PLATFORM", "standalone")::get);
        assertEquals(40500, d.port());
        assertTrue(!d.usesMp1());
        assertEquals(org.edgeslice.handler.config.HandlerConfig.DEFAULT_PORT,
                org.edgeslice.handler.config.HandlerConfig.from(k -> null).port());
    }
}

package org.edgeslice.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.edgeslice.handler.config.HandlerConfig;
import org.edgeslice.handler.request.SlicingPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device API over real HTTP on 127.0.0.1, with a fake ISCL. */
class HandlerApiTest {
    static final String CAR = "{\"deviceId\":\"car-a\",\"serviceType\":\"vehicle-telemetry\","
            + "\"functions\":[\"retrieve\",\"registration\"],\"tasks\":[\"/in-cse/Cars/CarA\"],"
            + "\"location\":{\"latitude\":37.5,\"longitude\":127.0,\"zone\":\"zone-1\"},\"latencyMs\":20,\"dataRate\":5}";

    @TempDir
    Path dir;
    FakeIscl iscl;
    SlicingHandler handler;
    String requests;

    static HandlerConfig config(Path dir, String idleSeconds) {
        return HandlerConfig.from(Map.of("HANDLER_HTTP_PORT", "0", "HANDLER_DATA_DIR", dir.toString(),
                "HANDLER_PLATFORM", "standalone", "HANDLER_SLICE_IDLE_SECONDS", idleSeconds, "HANDLER_HOST_ID", "host-1",
                "HANDLER_FSYNC", "false")::get);
    }

    @BeforeEach
    void start() throws Exception {
        iscl = new FakeIscl();
        handler = SlicingHandler.start(config(dir, "3600"), iscl, Clock.systemUTC(), a -> { });
        requests = handler.apiRoot() + "/iot_slicing/v1/requests";
    }

    @AfterEach
    void stop() {
        handler.close();
    }

    static JsonNode awaitState(String url, String state) throws InterruptedException {
        JsonNode n = null;
        for (int i = 0; i < 200; i++) {
            n = Http.get(url).json();
            if (n.path("state").asText().equals(state)) {
                return n;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("never " + state + ": " + n);
    }

    static List<String> steps(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.get("steps").forEach(s -> out.add(s.get("step").asText() + ":" + s.get("outcome").asText()));
        return out;
    }

    @Test
    void aLongPollAnswersAtTheNextChangeOr304WhenNothingChanged() throws Exception {
        iscl.gate = new CountDownLatch(1);
        String location = Http.post(requests, CAR).header("Location");
        // the request changes until the ISCL holds it (steps 01-04); from then on only the ISCL's answer changes it
        assertTrue(iscl.atGate.tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS), "the ISCL was asked");
        Http.Reply first = Http.get(location);
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), "strong ETag: " + etag);
        assertEquals(etag, Http.get(location).header("ETag"), "the tag changes only with the request");
        java.util.concurrent.CompletableFuture<Http.Reply> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> longPoll(location, etag, 10));
        Thread.sleep(200);
        assertTrue(!waiting.isDone() || !etag.equals(waiting.join().header("ETag")), "an unchanged request is not answered");
        iscl.gate.countDown(); // the ISCL answers: the request changes
        Http.Reply changed = waiting.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, changed.status(), changed.body());
        assertEquals("wait=10", changed.header("Preference-Applied"));
        assertTrue(!etag.equals(changed.header("ETag")), changed.body());
        JsonNode done = awaitState(location, "COMPLETED");
        String doneTag = Http.get(location).header("ETag");
        long t0 = System.nanoTime();
        Http.Reply unchanged = longPoll(location, doneTag, 1);
        assertEquals(304, unchanged.status());
        assertEquals(doneTag, unchanged.header("ETag"));
        assertTrue(System.nanoTime() - t0 >= 900_000_000L, "waited the second asked for");
        assertEquals(200, longPoll(location, "\"other\"", 10).status(), "another tag: answered at once");
        assertEquals("COMPLETED", done.get("state").asText());
    }

    @Test
    void aPostThatPrefersToWaitIsAnsweredOnceTheRequestIsDoneOrWhenTheWaitEnds() throws Exception {
        iscl.gate = new CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Http.Reply> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> postPreferring(CAR, 10));
        Thread.sleep(300);
        assertTrue(!waiting.isDone(), "answered while PROCESSING: " + (waiting.isDone() ? waiting.join().body() : ""));
        iscl.gate.countDown();
        Http.Reply done = waiting.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(201, done.status(), done.body());
        assertEquals("wait=10", done.header("Preference-Applied"));
        JsonNode body = done.json();
        assertEquals("COMPLETED", body.get("state").asText(), done.body());
        assertTrue(body.at("/slice/pointOfAccess").isTextual() && body.at("/slice/endpoints/registration").isTextual(),
                "the device's endpoints in the answer: " + done.body());
        assertEquals(body.get("id").asText(), done.header("Location").substring(done.header("Location").lastIndexOf('/') + 1));

        // the wait ends first: 201 with the request as it is then, still PROCESSING
        iscl.gate = new CountDownLatch(1);
        long t0 = System.nanoTime();
        Http.Reply early = postPreferring(CAR.replace("car-a", "car-b").replace("CarA", "CarB"), 1);
        long waited = (System.nanoTime() - t0) / 1_000_000;
        iscl.gate.countDown();
        assertEquals(201, early.status(), early.body());
        assertEquals("PROCESSING", early.json().get("state").asText(), early.body());
        assertTrue(waited >= 900 && waited < 8000, "waited " + waited + " ms");
        awaitState(early.header("Location"), "COMPLETED");
    }

    private Http.Reply postPreferring(String body, int seconds) {
        try {
            java.net.http.HttpResponse<String> r = Http.CLIENT.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(requests)).header("Content-Type", "application/json")
                    .header("Prefer", "wait=" + seconds).timeout(java.time.Duration.ofSeconds(seconds + 5))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Http.Reply longPoll(String url, String etag, int seconds) {
        try {
            java.net.http.HttpResponse<String> r = Http.CLIENT.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(url)).header("If-None-Match", etag).header("Prefer", "wait=" + seconds)
                    .timeout(java.time.Duration.ofSeconds(seconds + 5)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void createAnswers201WithLocationAtOnceAndCompletesWithTheSliceEndpoints() throws Exception {
        iscl.gate = new CountDownLatch(1);
        Http.Reply created = Http.post(requests, CAR);
        assertEquals(201, created.status(), created.body());
        String location = created.header("Location");
        assertTrue(location.startsWith("http://127.0.0.1:" + handler.port() + "/iot_slicing/v1/requests/"), location);
        assertEquals("PROCESSING", created.json().get("state").asText());
        assertEquals(location, created.json().path("_links").path("self").path("href").asText());
        assertEquals("application/json", created.header("Content-Type"));

        JsonNode processing = Http.get(location).json();
        assertEquals("PROCESSING", processing.get("state").asText(), "the ISCL is still working");
        iscl.gate.countDown();

        JsonNode done = awaitState(location, "COMPLETED");
        assertEquals("SLICING", done.get("path").asText());
        assertEquals(List.of("01:SUCCEEDED", "02:SUCCEEDED", "03-1:SUCCEEDED", "04:SUCCEEDED", "05:SUCCEEDED",
                "06:SUCCEEDED", "07:SUCCEEDED", "08:SUCCEEDED", "09:SUCCEEDED", "10:SUCCEEDED", "11:SUCCEEDED",
                "12:SUCCEEDED", "13:SUCCEEDED", "14:SUCCEEDED"), steps(done));
        JsonNode step05 = done.get("steps").get(4);
        assertEquals("op-1", step05.path("ids").path("appLcmOpOccId").asText(), "ISCL ids kept in the trace");
        for (JsonNode s : done.get("steps")) {
            assertTrue(s.has("name") && s.has("startedAt") && s.has("endedAt"), s.toString());
        }
        JsonNode slice = done.get("slice");
        assertEquals("app-slice-1", slice.get("appInstanceId").asText());
        assertEquals("host-1", slice.get("hostId").asText(), "the handler's host when the ISCL names none");
        assertEquals("http://127.0.0.1:40010", slice.get("pointOfAccess").asText());
        assertEquals("http://127.0.0.1:40011", slice.path("endpoints").path("registration").asText());
        assertEquals("http://127.0.0.1:40012", slice.path("endpoints").path("retrieve").asText());
        assertFalse(slice.path("endpoints").has("notification"), "only the functions the device asked for");
        assertEquals("app-slice-1", done.get("steps").get(12).path("ids").path("appInstanceId").asText());

        assertEquals(SlicingPath.SLICING, iscl.submitted.get(0).path());
        assertEquals(List.of("registration", "retrieve"), iscl.submitted.get(0).device().functions(), "canonical order");
        assertEquals("host-1", iscl.submitted.get(0).hostId());

        JsonNode table = Http.get(handler.apiRoot() + "/iot_slicing/v1/slices").json();
        assertEquals(1, table.size());
        assertEquals(1, table.get(0).get("users").size());
    }

    @Test
    void coveredFunctionsTakePath03_2AndSkipSteps04To08() throws Exception {
        String first = Http.post(requests, CAR).header("Location");
        awaitState(first, "COMPLETED");
        String second = Http.post(requests, CAR.replace("car-a", "car-b").replace("\"retrieve\",", "")).header("Location");
        JsonNode done = awaitState(second, "COMPLETED");
        assertEquals("OFFLOADING_ONLY", done.get("path").asText());
        assertEquals(List.of("01:SUCCEEDED", "02:SUCCEEDED", "03-2:SUCCEEDED", "04:SKIPPED", "05:SKIPPED",
                "06:SKIPPED", "07:SKIPPED", "08:SKIPPED", "09:SUCCEEDED", "10:SUCCEEDED", "11:SUCCEEDED",
                "12:SUCCEEDED", "13:SUCCEEDED", "14:SUCCEEDED"), steps(done));
        assertEquals("app-slice-1", done.get("steps").get(1).path("ids").path("appInstanceId").asText(),
                "step 02 names the covering slice");
        assertEquals(2, iscl.submitted.size());
        assertEquals(SlicingPath.OFFLOADING_ONLY, iscl.submitted.get(1).path());
        assertEquals("slice-1", iscl.submitted.get(1).slice(), "the ISCL is told which slice covers");
        assertEquals("app-slice-1", done.get("slice").get("appInstanceId").asText());

        // a function no slice has: a new slice
        String third = Http.post(requests, CAR.replace("\"retrieve\"", "\"notification\"")).header("Location");
        assertEquals("SLICING", awaitState(third, "COMPLETED").get("path").asText());
        assertEquals(2, Http.get(handler.apiRoot() + "/iot_slicing/v1/slices").json().size());
    }

    @Test
    void concurrentRequestsForTheSameFunctionsShareOneNewSlice() throws Exception {
        iscl.gate = new CountDownLatch(1);
        String first = Http.post(requests, CAR).header("Location");
        while (iscl.submitted.isEmpty()) {
            Thread.sleep(5);
        }
        String second = Http.post(requests, CAR.replace("car-a", "car-b")).header("Location");
        // nothing outside shows that the second request waits; its worker starts at once, so a second is ample
        Thread.sleep(1000);
        assertEquals(1, iscl.submitted.size(), "the second waits for the slice the first is creating");
        iscl.gate.countDown();
        awaitState(first, "COMPLETED");
        JsonNode b = awaitState(second, "COMPLETED");
        assertEquals("OFFLOADING_ONLY", b.get("path").asText());
        assertTrue(b.get("steps").get(1).get("detail").asText().contains("waiting"), b.toString());
        assertEquals(1, iscl.slices.get());
    }

    /** 404: the cloud no longer knows the slice; 409: it is not READY there (e.g. STOPPED after its container died). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {404, 409})
    void aRefusedOffloadingOnlyFallsBackToANewSliceAndForgetsTheRefusedOne(int refusal) throws Exception {
        awaitState(Http.post(requests, CAR).header("Location"), "COMPLETED");
        iscl.refuseOffloadingOnlyWith = refusal;
        JsonNode done = awaitState(Http.post(requests, CAR).header("Location"), "COMPLETED");
        assertEquals("SLICING", done.get("path").asText());
        List<String> steps = steps(done);
        assertTrue(steps.contains("03-2:FAILED") && steps.contains("03-1:SUCCEEDED"), steps.toString());
        assertEquals("app-slice-2", done.get("slice").get("appInstanceId").asText());
        assertEquals(1, Http.get(handler.apiRoot() + "/iot_slicing/v1/slices").json().size(),
                "the slice the ISCL refused left the table");
    }

    @Test
    void deleteReleasesTheRequestAndItsSliceUserThenGetIs404() throws Exception {
        String location = Http.post(requests, CAR).header("Location");
        awaitState(location, "COMPLETED");
        Http.Reply deleted = Http.delete(location);
        assertEquals(204, deleted.status());
        assertEquals("", deleted.body());
        Http.Reply gone = Http.get(location);
        assertEquals(404, gone.status());
        assertEquals("application/problem+json", gone.header("Content-Type"));
        assertEquals(404, gone.json().get("status").asInt());
        assertEquals(404, Http.delete(location).status());
        JsonNode table = Http.get(handler.apiRoot() + "/iot_slicing/v1/slices").json();
        assertEquals(0, table.get(0).get("users").size(), "slice kept until idle, without users");
    }

    @Test
    void aFailingIsclFailsTheRequestAtStep03WithTheReason() throws Exception {
        iscl.failWith = "ISCL unreachable at http://127.0.0.1:18080/cloud";
        String location = Http.post(requests, CAR).header("Location");
        JsonNode failed = awaitState(location, "FAILED");
        assertEquals(List.of("01:SUCCEEDED", "02:SUCCEEDED", "03-1:FAILED"), steps(failed));
        assertTrue(failed.get("detail").asText().contains("unreachable"));
        assertNull(failed.get("slice"));
    }

    @Test
    void listFiltersByDeviceAndState() throws Exception {
        awaitState(Http.post(requests, CAR).header("Location"), "COMPLETED");
        awaitState(Http.post(requests, CAR.replace("car-a", "car-b")).header("Location"), "COMPLETED");
        assertEquals(2, Http.get(requests).json().size());
        assertEquals(1, Http.get(requests + "?deviceId=car-b").json().size());
        assertEquals(2, Http.get(requests + "?state=COMPLETED").json().size());
        assertEquals(0, Http.get(requests + "?state=FAILED").json().size());
        assertEquals(400, Http.get(requests + "?state=DONE").status());
    }

    @Test
    void badInputIs400ProblemJsonNamingTheCause() {
        assertBad(Http.post(requests, CAR.replace("\"dataRate\"", "\"dataRat\"")), "dataRat");
        assertBad(Http.post(requests, CAR.replace("\"latencyMs\":20", "\"latencyMs\":\"20\"")), "latencyMs");
        assertBad(Http.post(requests, CAR.replace("\"latencyMs\":20", "\"latencyMs\":20.5")), "latencyMs");
        assertBad(Http.post(requests, CAR.replace("\"car-a\"", "42")), "deviceId");
        assertBad(Http.post(requests, CAR.replace("[\"/in-cse/Cars/CarA\"]", "\"/in-cse/Cars/CarA\"")), "tasks");
        assertBad(Http.post(requests, CAR.replace("\"zone-1\"", "\"zone-1\",\"altitude\":3")), "altitude");
        assertBad(Http.post(requests, CAR.replace("\"retrieve\"", "\"teleport\"")), "teleport");
        assertBad(Http.post(requests, CAR.replace("\"/in-cse/Cars/CarA\"", "\"in-cse/Cars/CarA\"")), "tasks");
        assertBad(Http.post(requests, CAR.replace("\"latencyMs\":20", "\"latencyMs\":0")), "latencyMs");
        assertBad(Http.post(requests, CAR.replace("/in-cse/Cars/CarA", "/in-cse/" + "c".repeat(510))), "512");
        assertBad(Http.post(requests, "{\"deviceId\":\"x\""), "Malformed");
        assertBad(Http.post(requests, "[]"), "");
        assertBad(Http.post(requests, ""), "body");
        assertBad(Http.post(requests, CAR + " {}"), "");
        assertBad(Http.post(requests + "?dryRun=true", CAR), "dryRun");
        assertBad(Http.get(requests + "?device=car-a"), "device");
        assertBad(Http.get(requests + "/abc?x=1"), "x");
        assertEquals(415, Http.send("POST", requests, "text/plain", CAR).status());
        assertEquals(0, iscl.submitted.size(), "nothing reached the ISCL");
        assertEquals(0, Http.get(requests).json().size(), "no partial state");
    }

    @Test
    void unknownIdsAndPathsAre404AndWrongMethods405() {
        Http.Reply r = Http.get(requests + "/no-such-id");
        assertEquals(404, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertTrue(r.json().get("detail").asText().contains("no-such-id"));
        assertEquals(404, Http.get(handler.apiRoot() + "/iot_slicing/v2/requests").status());
        assertEquals(404, Http.get(requests + "/a/b").status());
        Http.Reply put = Http.send("PUT", requests + "/x", "application/json", "{}");
        assertEquals(405, put.status());
        assertEquals("GET, DELETE", put.header("Allow"));
        assertEquals(405, Http.delete(requests).status());
        assertEquals(200, Http.get(handler.apiRoot() + "/iot_slicing/v1/health").status());
    }

    private static void assertBad(Http.Reply r, String mentions) {
        assertEquals(400, r.status(), r.body());
        assertEquals("application/problem+json", r.header("Content-Type"));
        JsonNode p = r.json();
        assertEquals(400, p.get("status").asInt());
        assertTrue(p.get("detail").asText().contains(mentions), p.toString());
    }
}

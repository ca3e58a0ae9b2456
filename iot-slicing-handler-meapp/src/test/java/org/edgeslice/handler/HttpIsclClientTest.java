package org.edgeslice.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.edgeslice.handler.iscl.HttpIsclClient;
import org.edgeslice.handler.iscl.IsclException;
import org.edgeslice.handler.iscl.IsclOutcome;
import org.edgeslice.handler.iscl.IsclProgress;
import org.edgeslice.handler.iscl.IsclRequest;
import org.edgeslice.handler.request.DeviceLocation;
import org.edgeslice.handler.request.DeviceRequest;
import org.edgeslice.handler.request.SlicingPath;
import org.edgeslice.handler.request.StepRecord;
import org.edgeslice.handler.slice.SliceEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ISCL client against a fake ISCL HTTP server speaking the cloud platform's JSON (openapi cloud records). */
class HttpIsclClientTest {
    HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger polls = new AtomicInteger();
    volatile String finalState = "COMPLETED";
    volatile int releaseStatus = 202;
    volatile String sliceState = "RELEASED";
    final List<String> prefers = new CopyOnWriteArrayList<>();
    volatile boolean applyWait = true;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cloud/iscl/v1/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cloud";
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        bodies.add(ex.getRequestMethod() + " " + path + " " + body);
        if (ex.getRequestMethod().equals("POST") && path.endsWith("/slicing_requests")) {
            String prefer = ex.getRequestHeaders().getFirst("Prefer");
            prefers.add(String.valueOf(prefer));
            ex.getResponseHeaders().add("Location", "/cloud/iscl/v1/slicing_requests/r1");
            if (applyWait && prefer != null && prefer.startsWith("wait=")) { // an ISCL applying the wait: the outcome at once
                ex.getResponseHeaders().add("Preference-Applied", prefer);
                reply(ex, 201, info(finalState, 4));
            } else {
                reply(ex, 202, info("PROCESSING", 1));
            }
        } else if (ex.getRequestMethod().equals("GET") && path.endsWith("/slicing_requests/r1")) {
            int n = polls.incrementAndGet();
            reply(ex, 200, n < 3 ? info("PROCESSING", n + 1) : info(finalState, 9));
        } else if (ex.getRequestMethod().equals("DELETE") && path.endsWith("/slices/slice-7")) {
            if (releaseStatus == 202) {
                ex.getResponseHeaders().add("Location", "/cloud/iscl/v1/slices/slice-7");
            }
            reply(ex, releaseStatus, releaseStatus == 204 ? null : "{\"sliceId\":\"slice-7\",\"state\":\"RELEASING\"}");
        } else if (ex.getRequestMethod().equals("GET") && path.endsWith("/slices/slice-7")) {
            reply(ex, 200, "{\"sliceId\":\"slice-7\",\"state\":\"" + sliceState + "\"}");
        } else {
            reply(ex, 404, "{\"status\":404,\"detail\":\"nothing here\"}");
        }
    }

    private String info(String state, int steps) {
        StringBuilder trace = new StringBuilder();
        for (int i = 0; i < steps; i++) {
            trace.append(i == 0 ? "" : ",").append("{\"step\":\"").append(String.format("%02d", i + 4))
                    .append("\",\"name\":\"s\",\"outcome\":\"SUCCEEDED\",\"startedAt\":\"2026-01-01T00:00:00Z\",")
                    .append("\"endedAt\":\"2026-01-01T00:00:01Z\",\"durationMs\":1000,\"ids\":{\"appInstanceId\":\"a7\"},")
                    .append("\"futureField\":1}");
        }
        String slice = state.equals("COMPLETED") ? ",\"sliceId\":\"slice-7\",\"slice\":{\"sliceId\":\"slice-7\","
                + "\"state\":\"READY\",\"functions\":[\"registration\",\"retrieve\"],\"appInstanceId\":\"a7\","
                + "\"hostId\":\"h1\",\"endpoints\":{\"http\":\"http://127.0.0.1:40070\",\"registration\":"
                + "\"http://127.0.0.1:40071\"},\"cseId\":\"/id-a7\",\"cseName\":\"cse-a7\"},"
                + "\"startedFunctions\":[\"registration\",\"retrieve\"]" : "";
        String error = state.equals("FAILED") ? ",\"error\":{\"status\":500,\"detail\":\"MEO: no host fits\"}" : "";
        return "{\"id\":\"r1\",\"requestType\":\"FUNCTION_GENERATION_AND_OFFLOADING\",\"state\":\"" + state
                + "\",\"trace\":[" + trace + "]" + slice + error + "}";
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
        } else {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    static IsclRequest request(SlicingPath path, String slice, Double dataRate) {
        return new IsclRequest("h-1", path, new DeviceRequest("car-a", "telemetry", List.of("registration", "retrieve"),
                List.of("/in-cse/Cars/CarA"), new DeviceLocation(37.5, 127.0, "z1"), 20, dataRate), slice, "h1",
                "handler-app");
    }

    @Test
    void offloadingOnlyAsksForTheOutcomeInThePostAnswerAndDoesNotPoll() {
        List<String> accepted = new CopyOnWriteArrayList<>();
        List<String> acceptedWithOutcome = new CopyOnWriteArrayList<>();
        List<Integer> progress = new CopyOnWriteArrayList<>();
        HttpIsclClient client = new HttpIsclClient(base(), Duration.ofSeconds(10), 50);
        IsclOutcome o = client.submit(request(SlicingPath.OFFLOADING_ONLY, "slice-7", 5.0), new IsclProgress() {
            @Override
            public void accepted(String reference) {
                accepted.add(reference);
            }

            @Override
            public void acceptedWithOutcome(String reference) {
                acceptedWithOutcome.add(reference);
            }

            @Override
            public void steps(List<StepRecord> steps) {
                progress.add(steps.size());
            }
        });
        assertEquals(List.of("wait=20"), prefers);
        assertEquals(0, polls.get(), "no GET of the request: its outcome came with the 201");
        assertEquals(List.of(), accepted);
        assertEquals(List.of(base() + "/iscl/v1/slicing_requests/r1"), acceptedWithOutcome);
        assertEquals(List.of(), progress, "the steps come with the outcome");
        assertTrue(o.completed());
        assertEquals(4, o.steps().size());
        assertEquals("slice-7", o.slice().sliceId());
    }

    @Test
    void anIsclThatDoesNotApplyTheWaitIsFollowedAsBefore() {
        applyWait = false;
        List<String> accepted = new CopyOnWriteArrayList<>();
        IsclOutcome o = new HttpIsclClient(base(), Duration.ofSeconds(10), 50).submit(
                request(SlicingPath.OFFLOADING_ONLY, "slice-7", 5.0), new IsclProgress() {
                    @Override
                    public void accepted(String reference) {
                        accepted.add(reference);
                    }

                    @Override
                    public void steps(List<StepRecord> steps) {
                    }
                });
        assertEquals(1, accepted.size(), "saved at once: a restarted handler follows it");
        assertEquals(3, polls.get());
        assertTrue(o.completed());
    }

    @Test
    void aNewSliceIsFollowedWithoutWaitingInThePost() {
        new HttpIsclClient(base(), Duration.ofSeconds(10), 50).submit(request(SlicingPath.SLICING, null, 5.0),
                IsclProgress.NONE);
        assertEquals(List.of("null"), prefers);
        assertEquals(3, polls.get());
    }

    @Test
    void submitPostsTheSlicingRequestFollowsTheLocationAndMapsTheOutcome() throws Exception {
        List<String> accepted = new CopyOnWriteArrayList<>();
        List<Integer> progress = new CopyOnWriteArrayList<>();
        HttpIsclClient client = new HttpIsclClient(base() + "/", Duration.ofSeconds(10), 50);
        IsclOutcome o = client.submit(request(SlicingPath.SLICING, null, 100.0), new IsclProgress() {
            @Override
            public void accepted(String reference) {
                accepted.add(reference);
            }

            @Override
            public void steps(List<StepRecord> steps) {
                progress.add(steps.size());
            }
        });
        assertEquals(List.of(base() + "/iscl/v1/slicing_requests/r1"), accepted);
        assertTrue(o.completed());
        assertEquals(9, o.steps().size());
        assertEquals("04", o.steps().get(0).step());
        assertEquals(Map.of("appInstanceId", "a7"), o.steps().get(0).ids());
        assertEquals(9, progress.get(progress.size() - 1));
        SliceEntry s = o.slice();
        assertEquals("a7", s.appInstanceId());
        assertEquals("slice-7", s.sliceId());
        assertEquals(Set.of("registration", "retrieve"), s.functions());
        assertEquals("http://127.0.0.1:40070", s.pointOfAccess());
        assertEquals(List.of("registration", "retrieve"), o.startedFunctions());

        JsonNode sent = Http.JSON.readTree(bodies.get(0).substring(bodies.get(0).indexOf('{')));
        assertEquals("FUNCTION_GENERATION_AND_OFFLOADING", sent.get("requestType").asText());
        assertEquals("telemetry", sent.get("serviceName").asText());
        assertEquals("/in-cse/Cars/CarA", sent.get("tasks").get(0).get("path").asText());
        assertEquals("REDIRECT", sent.get("tasks").get(0).get("syncMode").asText(), "high data rate");
        assertEquals(20, sent.get("latencyBoundMs").asInt());
        assertEquals("h1", sent.get("hostId").asText());
        assertEquals("z1", sent.get("location").get("zone").asText());
        assertEquals("handler-app", sent.get("requester").asText());
        assertFalse(sent.has("sliceId"));
    }

    @Test
    void offloadingOnlyNamesTheSliceAndLowRatesUseTheDefaultSync() throws Exception {
        HttpIsclClient client = new HttpIsclClient(base(), Duration.ofSeconds(10), 50);
        client.submit(request(SlicingPath.OFFLOADING_ONLY, "slice-7", 1.0), IsclProgress.NONE);
        JsonNode sent = Http.JSON.readTree(bodies.get(0).substring(bodies.get(0).indexOf('{')));
        assertEquals("OFFLOADING_ONLY", sent.get("requestType").asText());
        assertEquals("slice-7", sent.get("sliceId").asText());
        assertFalse(sent.get("tasks").get(0).has("syncMode"));
    }

    @Test
    void aFailedIsclRequestCarriesItsErrorDetail() {
        finalState = "FAILED";
        IsclOutcome o = new HttpIsclClient(base(), Duration.ofSeconds(10), 50)
                .submit(request(SlicingPath.SLICING, null, null), IsclProgress.NONE);
        assertFalse(o.completed());
        assertEquals("MEO: no host fits", o.error());
    }

    @Test
    void releaseDeletesTheSliceAndWaitsUntilReleased() {
        HttpIsclClient client = new HttpIsclClient(base(), Duration.ofSeconds(10), 50);
        SliceEntry slice = new SliceEntry("a7", "slice-7", "h1", Set.of(), Map.of(), Map.of(), Set.of(), null, true,
                null, null);
        client.release(slice);
        assertTrue(bodies.get(bodies.size() - 1).startsWith("GET /cloud/iscl/v1/slices/slice-7"));
        releaseStatus = 204;
        client.release(slice);
        releaseStatus = 409;
        client.release(slice); // 409 "already released": the slice reads RELEASED
        sliceState = "INSTANTIATING";
        assertThrows(IsclException.class, () -> client.release(slice), "409 while instantiating: retried later");
    }

    @Test
    void anUnreachableIsclIsAnIsclException() {
        IsclException e = assertThrows(IsclException.class, () -> new HttpIsclClient("http://127.0.0.1:1/cloud",
                Duration.ofSeconds(2), 50).submit(request(SlicingPath.SLICING, null, null), IsclProgress.NONE));
        assertTrue(e.getMessage().contains("unreachable"));
    }
}

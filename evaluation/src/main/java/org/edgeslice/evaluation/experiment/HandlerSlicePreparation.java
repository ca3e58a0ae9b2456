package org.edgeslice.evaluation.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Slice preparation through the whole system: step 01 {@code POST {handler}/iot_slicing/v1/requests}, then the
 * request resource is long-polled (or, without an ETag, polled) until COMPLETED or FAILED; the total is from the
 * POST to COMPLETED and the phases are the step trace's {@code durationMs} per step number. Needs a running system (handler ME App, cloud platform, MEO...).
 * The device's task must exist in the cloud IN-CSE; {@code tasks} names it.
 *
 * <p>With the cloud platform's URL, every run releases its slice again (the request is deleted at the handler, the
 * slice through {@code DELETE {cloud}/iscl/v1/slices/{sliceId}}, and the run waits until the handler's slice table
 * no longer lists it), so that the next run needs a new slice (path 03-1) instead of reusing this one (03-2).
 */
public final class HandlerSlicePreparation implements SlicePreparationProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_WAIT_MS = 120_000;
    private final String handler;
    private final URI requests;
    private final String cloud;
    private final List<String> functions;
    private final List<String> tasks;
    private final long pollMillis;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile JsonNode last;

    /** A request's end: the time from the POST to COMPLETED, and the request resource at that moment. */
    public record Outcome(double totalMs, JsonNode request) {
        /** The procedure's path as the handler reports it (SLICING = 03-1, OFFLOADING_ONLY = 03-2). */
        public String path() {
            return request.path("path").asText();
        }

        public String sliceId() {
            return request.path("slice").path("sliceId").asText(null);
        }
    }

    /** Without release: each run after the first may reuse the slice (path 03-2). */
    public HandlerSlicePreparation(String handlerUrl, List<String> functions, List<String> tasks) {
        this(handlerUrl, null, functions, tasks, 10);
    }

    /**
     * @param cloudUrl   the cloud platform's root (e.g. http://127.0.0.1:18080/cloud); null: slices are not released
     * @param tasks      the task paths of run 0; for run n each path gets the suffix n (distinct devices), unless the
     *                   list is given for one run only (see {@link #request(String, List)})
     * @param pollMillis interval between GETs of the request resource
     */
    public HandlerSlicePreparation(String handlerUrl, String cloudUrl, List<String> functions, List<String> tasks,
                                   long pollMillis) {
        this.handler = handlerUrl.replaceAll("/+$", "");
        this.requests = URI.create(handler + "/iot_slicing/v1/requests");
        this.cloud = cloudUrl == null ? null : cloudUrl.replaceAll("/+$", "");
        this.functions = functions;
        this.tasks = tasks;
        this.pollMillis = pollMillis;
    }

    @Override
    public String name() {
        return "handler";
    }

    @Override
    public String description() {
        return "POST " + requests + " (step 01) until the request is COMPLETED (step 14); phases from its step trace"
                + (cloud == null ? "" : "; the slice released through the ISCL after each run");
    }

    @Override
    public Run prepare(int run) throws Exception {
        Outcome o = request("eval-device-" + run, tasks);
        last = o.request();
        if (cloud != null) {
            release(List.of(o));
        }
        Map<String, Double> phases = new LinkedHashMap<>();
        for (JsonNode step : o.request().path("steps")) {
            if (step.hasNonNull("durationMs")) {
                phases.put(step.path("step").asText() + " " + step.path("name").asText(""),
                        step.path("durationMs").asDouble());
            }
        }
        return new Run(o.totalMs(), phases);
    }

    /** The request resource of the last {@link #prepare} run (its path, slice and step trace). */
    public JsonNode lastRequest() {
        return last;
    }

    /** One device request, POST to COMPLETED; throws if it ends otherwise. Thread-safe. */
    public Outcome request(String deviceId, List<String> taskPaths) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("deviceId", deviceId).put("serviceType", "evaluation");
        body.putPOJO("functions", functions);
        body.putPOJO("tasks", taskPaths);
        body.put("latencyMs", 10);
        long t0 = System.nanoTime();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(requests).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() / 100 != 2) {
            throw new IOException("handler answered " + created.statusCode() + ": " + created.body());
        }
        JsonNode state = JSON.readTree(created.body());
        URI self = created.headers().firstValue("Location").map(requests::resolve)
                .orElseGet(() -> requests.resolve(requests.getPath() + "/" + state.path("id").asText()));
        JsonNode current = state;
        long deadline = System.nanoTime() + MAX_WAIT_MS * 1_000_000L;
        String etag = created.headers().firstValue("ETag").orElse(null);
        while ("PROCESSING".equals(current.path("state").asText()) && System.nanoTime() < deadline) {
            // as a device does: a long poll (If-None-Match + Prefer: wait) where the handler gives an ETag, so the
            // measurement neither adds a GET every few ms to the load nor rounds the end up to a poll period
            HttpRequest.Builder get = HttpRequest.newBuilder(self).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").GET();
            if (etag != null) {
                get.header("If-None-Match", etag).header("Prefer", "wait=20");
            } else {
                Thread.sleep(pollMillis);
            }
            HttpResponse<String> r = http.send(get.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 304) {
                continue;
            }
            current = JSON.readTree(r.body());
            etag = r.headers().firstValue("ETag").orElse(null);
        }
        long t1 = System.nanoTime();
        if (!"COMPLETED".equals(current.path("state").asText())) {
            throw new IOException("slicing request ended " + current.path("state").asText() + ": " + current);
        }
        ((ObjectNode) current).put("_self", self.toString());
        return new Outcome((t1 - t0) / 1e6, current);
    }

    /**
     * Ends the devices' use (DELETE of each request at the handler), then releases each distinct slice through the
     * ISCL and waits (at most 60 s) until the handler's slice table no longer lists any of them.
     */
    public void release(List<Outcome> outcomes) throws IOException, InterruptedException {
        if (cloud == null) {
            throw new IllegalStateException("no cloud platform URL: slices cannot be released");
        }
        Set<String> slices = new LinkedHashSet<>();
        for (Outcome o : outcomes) {
            send(HttpRequest.newBuilder(URI.create(o.request().path("_self").asText())).DELETE());
            if (o.sliceId() != null) {
                slices.add(o.sliceId());
            }
        }
        for (String s : slices) {
            int status = send(HttpRequest.newBuilder(URI.create(cloud + "/iscl/v1/slices/" + s)).DELETE()).statusCode();
            if (status / 100 != 2 && status != 404) {
                throw new IOException("DELETE iscl/v1/slices/" + s + " answered " + status);
            }
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String table = send(HttpRequest.newBuilder(URI.create(handler + "/iot_slicing/v1/slices")).GET()).body();
            if (slices.stream().noneMatch(table::contains)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException("the handler still lists released slices after 60 s: " + slices);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

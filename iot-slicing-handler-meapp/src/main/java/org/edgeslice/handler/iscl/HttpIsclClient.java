package org.edgeslice.handler.iscl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeslice.handler.request.DeviceRequest;
import org.edgeslice.handler.request.SlicingPath;
import org.edgeslice.handler.request.StepRecord;
import org.edgeslice.handler.slice.SliceEntry;
import org.edgeslice.meapp.http.BlockingHttp;
import org.edgeslice.meapp.http.BlockingHttp.Reply;

/**
 * The ISCL request API of the cloud platform over HTTP (openapi/cloud-platform.yaml):
 * <ul>
 *   <li>{@code POST {iscl}/iscl/v1/slicing_requests} with a {@code SlicingRequest} ({@code requestType}
 *       FUNCTION_GENERATION_AND_OFFLOADING or OFFLOADING_ONLY, functions, tasks, sliceId, hostId, location,
 *       latencyBoundMs, requester) → 201/202 + Location of the {@code SlicingRequestInfo};</li>
 *   <li>{@code GET} that Location until {@code state} is COMPLETED or FAILED ({@code trace}, {@code slice},
 *       {@code startedFunctions}, {@code error});</li>
 *   <li>{@code DELETE {iscl}/iscl/v1/slices/{sliceId}} → 204 (released), 202 (+ Location polled until RELEASED or
 *       404), 404 (already gone), or 409 (then the slice is read: RELEASED or RELEASING count as released).</li>
 * </ul>
 * JSON is read leniently (attributes the handler does not use are ignored), so the two sides can evolve separately.
 *
 * <p>HTTP through {@link BlockingHttp} ({@code HttpURLConnection}): blocking on the worker thread, connections kept
 * alive by the JDK's keep-alive cache. {@code java.net.http.HttpClient} hands every exchange to its selector and
 * executor threads, which on this 2-core machine under load cost 3-5 ms per request more, on the path the device
 * waits for.
 */
public final class HttpIsclClient implements IsclClient {
    /** Liberal in what the ISCL answers (a newer ISCL may add attributes or values), no nulls in requests. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    /** Longer than the ISCL's longest wait ({@link #OFFLOADING_WAIT_SECONDS}, {@link #LONG_POLL_SECONDS}). */
    private static final Duration EXCHANGE_TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final Duration timeout;
    private final double redirectDataRate;

    /**
     * @param isclUrl          the cloud platform's apiRoot, e.g. http://127.0.0.1:18080/cloud
     * @param timeout          how long a request (or a release) may take in total
     * @param redirectDataRate device data rate (messages/s) from which tasks are synchronised by REDIRECT rather
     *                         than SUBSCRIPTION (the paper's high-rate case); non-positive = never
     */
    public HttpIsclClient(String isclUrl, Duration timeout, double redirectDataRate) {
        this.base = isclUrl.endsWith("/") ? isclUrl.substring(0, isclUrl.length() - 1) : isclUrl;
        this.timeout = timeout;
        this.redirectDataRate = redirectDataRate;
    }

    @Override
    public IsclOutcome submit(IsclRequest request, IsclProgress progress) {
        // offloading only takes milliseconds at the ISCL: asking for the outcome in the POST's answer (RFC 7240
        // wait) saves the long-poll round trips; a new slice takes seconds, so its progress is followed instead
        Reply r = request.path() == SlicingPath.OFFLOADING_ONLY
                ? send("POST", URI.create(base + "/iscl/v1/slicing_requests"), body(request), "Prefer",
                "wait=" + OFFLOADING_WAIT_SECONDS)
                : send("POST", URI.create(base + "/iscl/v1/slicing_requests"), body(request));
        if (r.status() != 201 && r.status() != 202 && r.status() != 200) {
            throw new IsclException("ISCL refused the request: HTTP " + r.status() + " " + problem(r.body()),
                    r.status());
        }
        String location = r.header("Location").map(l -> r.uri().resolve(l).toString())
                .orElseGet(() -> selfLink(read(r.body())));
        if (location == null) {
            throw new IsclException("ISCL answered " + r.status() + " without Location or id");
        }
        JsonNode info = read(r.body());
        if (info != null && isFinal(info)) {
            progress.acceptedWithOutcome(location); // the outcome carries the steps
            return outcome(info);
        }
        progress.accepted(location);
        return follow(location, progress);
    }

    @Override
    public IsclOutcome follow(String reference, IsclProgress progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long wait = 50;
        int lastSteps = -1;
        String etag = null;
        while (true) {
            // long poll (If-None-Match + Prefer: wait): the ISCL answers as soon as the request changes
            Reply r = etag == null ? send("GET", URI.create(reference), null)
                    : send("GET", URI.create(reference), null, "If-None-Match", etag, "Prefer", "wait=" + LONG_POLL_SECONDS);
            if (r.status() == 304) {
                if (System.nanoTime() > deadline) {
                    throw new IsclException("ISCL request " + reference + " did not finish within " + timeout.toSeconds()
                            + " s");
                }
                continue;
            }
            if (r.status() == 404) {
                throw new IsclException("ISCL no longer knows request " + reference);
            }
            if (r.status() != 200) {
                throw new IsclException("ISCL request " + reference + ": HTTP " + r.status() + " " + problem(r.body()));
            }
            JsonNode info = read(r.body());
            List<StepRecord> steps = steps(info);
            if (steps.size() != lastSteps || isFinal(info)) {
                progress.steps(steps);
                lastSteps = steps.size();
            }
            if (isFinal(info)) {
                return outcome(info);
            }
            if (System.nanoTime() > deadline) {
                throw new IsclException("ISCL request " + reference + " did not finish within " + timeout.toSeconds()
                        + " s");
            }
            etag = r.header("ETag").orElse(null);
            if (etag == null) { // an ISCL without long polling: poll on a timer
                sleep(wait);
                wait = Math.min(wait * 2, 1000);
            }
        }
    }

    /** How long the POST of an offloading-only request may wait for its outcome (below the HTTP timeout). */
    static final int OFFLOADING_WAIT_SECONDS = 20;

    /** How long one long poll may wait at the ISCL (below the HTTP timeout of {@link #send}). */
    static final int LONG_POLL_SECONDS = 20;

    @Override
    public void release(SliceEntry slice) {
        String id = slice.sliceId() != null ? slice.sliceId() : slice.appInstanceId();
        URI uri = URI.create(base + "/iscl/v1/slices/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        Reply r = send("DELETE", uri, null);
        if (r.status() == 204 || r.status() == 404 || r.status() == 200) {
            return;
        }
        if (r.status() == 409 && alreadyReleased(uri)) {
            return;
        }
        if (r.status() != 202) {
            throw new IsclException("ISCL refused to release slice " + id + ": HTTP " + r.status() + " "
                    + problem(r.body()));
        }
        URI poll = r.header("Location").map(l -> r.uri().resolve(l)).orElse(uri);
        long deadline = System.nanoTime() + timeout.toNanos();
        long wait = 100;
        while (System.nanoTime() < deadline) {
            sleep(wait);
            wait = Math.min(wait * 2, 1000);
            Reply p = send("GET", poll, null);
            if (p.status() == 404) {
                return;
            }
            JsonNode n = read(p.body());
            String state = n == null ? "" : n.path("state").asText("");
            if (state.equals("RELEASED") || state.equals("COMPLETED")) {
                return;
            }
            if (state.equals("FAILED")) {
                throw new IsclException("ISCL failed to release slice " + id + ": " + n.path("detail").asText(""));
            }
        }
        throw new IsclException("ISCL did not release slice " + id + " within " + timeout.toSeconds() + " s");
    }

    /**
     * 409 on release means "already released, being released, or still instantiating": the first two are success
     * for the handler (waiting for RELEASED), the last is a failure retried later.
     */
    private boolean alreadyReleased(URI slice) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long wait = 100;
        while (true) {
            Reply p = send("GET", slice, null);
            if (p.status() == 404) {
                return true;
            }
            JsonNode n = p.status() == 200 ? read(p.body()) : null;
            String state = n == null ? "" : n.path("state").asText("");
            if (state.equals("RELEASED")) {
                return true;
            }
            if (!state.equals("RELEASING") || System.nanoTime() > deadline) {
                return false;
            }
            sleep(wait);
            wait = Math.min(wait * 2, 1000);
        }
    }

    private ObjectNode body(IsclRequest request) {
        DeviceRequest d = request.device();
        ObjectNode b = JSON.createObjectNode();
        b.put("requestType", request.path() == SlicingPath.SLICING ? "FUNCTION_GENERATION_AND_OFFLOADING"
                : "OFFLOADING_ONLY");
        b.put("serviceName", d.serviceType());
        ArrayNode fns = b.putArray("functions");
        d.functions().forEach(fns::add);
        ArrayNode tasks = b.putArray("tasks");
        boolean redirect = redirectDataRate > 0 && d.dataRate() != null && d.dataRate() >= redirectDataRate;
        for (String t : d.tasks()) {
            ObjectNode task = tasks.addObject().put("path", t);
            if (redirect) {
                task.put("syncMode", "REDIRECT");
            }
        }
        if (request.slice() != null) {
            b.put("sliceId", request.slice());
        }
        if (request.hostId() != null) {
            b.put("hostId", request.hostId());
        }
        if (d.location() != null) {
            b.set("location", JSON.valueToTree(d.location()));
        }
        if (d.latencyMs() != null) {
            b.put("latencyBoundMs", d.latencyMs());
        }
        b.put("requester", request.requester() != null ? request.requester() : d.deviceId());
        return b;
    }

    private static boolean isFinal(JsonNode info) {
        String s = info.path("state").asText("");
        return s.equals("COMPLETED") || s.equals("FAILED");
    }

    static List<StepRecord> steps(JsonNode info) {
        List<StepRecord> out = new ArrayList<>();
        JsonNode trace = info == null ? null : info.has("trace") ? info.get("trace") : info.get("steps");
        if (trace != null && trace.isArray()) {
            for (JsonNode s : trace) {
                try {
                    out.add(JSON.treeToValue(s, StepRecord.class));
                } catch (IOException e) {
                    // a step the handler cannot read is left out of the trace rather than failing the request
                }
            }
        }
        return out;
    }

    static IsclOutcome outcome(JsonNode info) {
        boolean completed = info.path("state").asText().equals("COMPLETED");
        List<String> started = new ArrayList<>();
        info.path("startedFunctions").forEach(f -> started.add(f.asText()));
        JsonNode s = info.get("slice");
        SliceEntry slice = null;
        if (s != null && s.isObject()) {
            Set<String> functions = new HashSet<>();
            s.path("functions").forEach(f -> functions.add(f.asText()));
            Map<String, String> endpoints = new HashMap<>();
            s.path("endpoints").fields().forEachRemaining(e -> endpoints.put(e.getKey(), e.getValue().asText()));
            String sliceId = text(s, "sliceId", text(info, "sliceId", null));
            String app = text(s, "appInstanceId", null);
            slice = new SliceEntry(app != null ? app : sliceId, sliceId, text(s, "hostId", null), functions,
                    endpoints, Map.of(), Set.of(), null, false, text(s, "cseId", null), text(s, "cseName", null));
        }
        String error = null;
        JsonNode err = info.get("error");
        if (err != null && err.isObject()) {
            error = text(err, "detail", text(err, "title", err.toString()));
        } else if (!completed) {
            error = "the ISCL reported FAILED";
        }
        if (completed && (slice == null || slice.appInstanceId() == null)) {
            return new IsclOutcome(false, steps(info), null, started, "the ISCL completed without naming the slice");
        }
        return new IsclOutcome(completed, steps(info), slice, started, error);
    }

    private static String text(JsonNode n, String field, String dflt) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    private String selfLink(JsonNode info) {
        if (info == null) {
            return null;
        }
        JsonNode href = info.path("links").path("self").path("href");
        if (href.isTextual()) {
            return URI.create(base + "/").resolve(href.asText()).toString();
        }
        JsonNode id = info.get("id");
        return id == null ? null : base + "/iscl/v1/slicing_requests/" + id.asText();
    }

    private Reply send(String method, URI uri, JsonNode body, String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        try {
            return BlockingHttp.exchange(method, uri, body == null ? null : JSON.writeValueAsBytes(body),
                    "application/json", EXCHANGE_TIMEOUT, h);
        } catch (IOException e) {
            throw new IsclException("ISCL unreachable at " + uri + ": " + e, e);
        }
    }

    private static JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IsclException("unreadable ISCL answer: " + e.getMessage(), e);
        }
    }

    private static String problem(byte[] body) {
        try {
            JsonNode n = read(body);
            return n == null ? "" : text(n, "detail", n.toString());
        } catch (IsclException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IsclException("interrupted while waiting for the ISCL", e);
        }
    }
}

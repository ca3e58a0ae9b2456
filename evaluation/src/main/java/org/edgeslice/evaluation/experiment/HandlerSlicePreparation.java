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
import java.util.List;
import java.util.Map;

/**
 * Slice preparation through the whole system: step 01 {@code POST {handler}/iot_slicing/v1/requests}, then the
 * request resource is polled until COMPLETED or FAILED; the total is from the POST to COMPLETED and the phases are the
 * step trace's {@code durationMs} per step number. Needs a running system (handler ME App, cloud platform, MEO...).
 * The device's task must exist in the cloud IN-CSE; {@code tasks} names it.
 */
public final class HandlerSlicePreparation implements SlicePreparationProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_WAIT_MS = 120_000;
    private final URI requests;
    private final List<String> functions;
    private final List<String> tasks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HandlerSlicePreparation(String handlerUrl, List<String> functions, List<String> tasks) {
        this.requests = URI.create(handlerUrl.replaceAll("/+$", "") + "/iot_slicing/v1/requests");
        this.functions = functions;
        this.tasks = tasks;
    }

    @Override
    public String name() {
        return "handler";
    }

    @Override
    public String description() {
        return "POST " + requests + " (step 01) until the request is COMPLETED (step 14); phases from its step trace";
    }

    @Override
    public Run prepare(int run) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("deviceId", "eval-device-" + run).put("serviceType", "evaluation");
        body.putPOJO("functions", functions);
        body.putPOJO("tasks", tasks);
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
        while ("PROCESSING".equals(current.path("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(self).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            current = JSON.readTree(r.body());
        }
        long t1 = System.nanoTime();
        if (!"COMPLETED".equals(current.path("state").asText())) {
            throw new IOException("slicing request ended " + current.path("state").asText() + ": " + current);
        }
        Map<String, Double> phases = new LinkedHashMap<>();
        for (JsonNode step : current.path("steps")) {
            if (step.hasNonNull("durationMs")) {
                phases.put(step.path("step").asText() + " " + step.path("name").asText(""),
                        step.path("durationMs").asDouble());
            }
        }
        return new Run((t1 - t0) / 1e6, phases);
    }
}

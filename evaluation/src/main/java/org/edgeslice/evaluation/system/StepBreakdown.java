package org.edgeslice.evaluation.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgeslice.evaluation.stats.Summary;

/**
 * Where the time of slice preparation goes, from the handler request's step trace ({@code steps[]}, each with
 * {@code step} and {@code durationMs}): per step, the series over runs. Steps keep the order of their first appearance
 * (the procedure's order); a step absent in a run (e.g. 03-2 instead of 03-1) only counts in the runs that have it; the
 * ISS reports several sub-steps under one number (05: image, package, instance, instantiate), summed per run.
 */
public final class StepBreakdown {
    private final Map<String, List<Double>> byStep = new LinkedHashMap<>();

    /** Adds one run's trace (a handler request resource); a step number recorded twice in one run counts summed. */
    public void add(JsonNode request) {
        Map<String, Double> run = new LinkedHashMap<>();
        for (JsonNode step : request.path("steps")) {
            if (step.hasNonNull("durationMs")) {
                run.merge(step.path("step").asText(), step.path("durationMs").asDouble(), Double::sum);
            }
        }
        run.forEach((k, v) -> byStep.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }

    /** Per step number, the summary of its durations (ms). */
    public Map<String, Summary> summaries() {
        Map<String, Summary> out = new LinkedHashMap<>();
        byStep.forEach((k, v) -> out.put(k, Summary.ofMillis(v.stream().mapToDouble(Double::doubleValue).toArray())));
        return out;
    }

    /** One run's steps in one line, e.g. {@code 02:0 03-1:410 13:2} (the format of {@code ./mec bench slicing}). */
    public static String line(JsonNode request) {
        StringBuilder out = new StringBuilder();
        for (JsonNode step : request.path("steps")) {
            if (step.hasNonNull("durationMs")) {
                out.append(out.length() == 0 ? "" : " ").append(step.path("step").asText()).append(':')
                        .append(step.path("durationMs").asLong());
            }
        }
        return out.toString();
    }
}

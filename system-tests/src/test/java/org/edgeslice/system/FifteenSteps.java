package org.edgeslice.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Assertions on a device request's step trace (the handler's {@code iot_slicing/v1/requests/{id}}). */
final class FifteenSteps {

    /** Steps 01-14 of path 03-1, as the trace names them (06-08 and 11-12 are recorded as one step each). */
    static final List<String> SLICING_PATH = List.of("01", "02", "03-1", "04", "05", "06-08", "09-10", "11-12", "13", "14");

    private FifteenSteps() {
    }

    /** The request COMPLETED on path SLICING (a new slice) and every step of it SUCCEEDED. */
    static void assertSlicedThroughEveryStep(JsonNode request) {
        assertEquals("COMPLETED", request.path("state").asText(), request.toString());
        assertEquals("SLICING", request.path("path").asText());
        Map<String, String> outcomes = new HashMap<>();
        request.path("steps").forEach(s -> outcomes.put(s.path("step").asText(), s.path("outcome").asText()));
        for (String step : SLICING_PATH) {
            assertEquals("SUCCEEDED", outcomes.get(step), "step " + step + " of " + request.path("steps"));
        }
    }
}

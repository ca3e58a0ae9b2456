package org.edgeslice.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Follows an ETSI GS MEC 010-2 AppLcmOpOcc (the Location of a 202 task answer) until it leaves STARTING and
 * PROCESSING: the one polling loop the orchestrator and system tests share.
 */
public final class LcmOperations {

    private LcmOperations() {
    }

    /** The operation occurrence once its {@code operationState} is final (COMPLETED, FAILED, FAILED_TEMP). */
    public static JsonNode awaitEnd(Http api, String location, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode op;
        do {
            Http.Reply r = api.get(location);
            assertEquals(200, r.status(), location + ": " + r);
            op = r.json();
            String state = op.path("operationState").asText();
            if (!state.equals("STARTING") && !state.equals("PROCESSING")) {
                return op;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("operation did not end within " + timeout + ": " + op);
    }
}

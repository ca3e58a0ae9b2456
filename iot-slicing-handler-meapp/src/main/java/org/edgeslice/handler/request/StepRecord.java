package org.edgeslice.handler.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One step of the 15-step procedure: the same shape as the cloud platform's step records, so the handler's own steps
 * (01, 02, 03-x, 13, 14) and the ISCL's (04-12) merge into one trace. Times are ISO-8601 UTC.
 *
 * @param outcome IN_PROGRESS, SUCCEEDED, FAILED or SKIPPED
 * @param ids     ids involved: appInstanceId, appLcmOpOccId, hostId, sliceId, isclRequestId...
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepRecord(String step, String name, String outcome, String startedAt, String endedAt, Long durationMs,
                         String detail, Map<String, String> ids) {
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String SKIPPED = "SKIPPED";

    public static StepRecord started(String step, String name, Instant start) {
        return new StepRecord(step, name, IN_PROGRESS, start.toString(), null, null, null, null);
    }

    public StepRecord end(String outcome, Instant end, String detail, Map<String, String> ids) {
        Long ms = startedAt == null ? null : Duration.between(Instant.parse(startedAt), end).toMillis();
        return new StepRecord(step, name, outcome, startedAt, end.toString(), ms, detail,
                ids == null || ids.isEmpty() ? this.ids : ids);
    }
}

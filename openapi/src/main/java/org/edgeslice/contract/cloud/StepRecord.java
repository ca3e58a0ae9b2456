package org.edgeslice.contract.cloud;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of the 15-step procedure as this request went through it. */
@Schema(name = "StepRecord")
public record StepRecord(
        @Schema(required = true, description = "Step number of the paper's procedure, e.g. 05") String step,
        @Schema(required = true) String name,
        @Schema(required = true, enumeration = {"IN_PROGRESS", "SUCCEEDED", "FAILED", "SKIPPED"}) String outcome,
        @Schema(description = "ISO-8601") String startedAt,
        @Schema(description = "ISO-8601") String endedAt,
        @Schema Long durationMs,
        @Schema String detail,
        @Schema(description = "Ids involved: appDId, appPkgId, appInstanceId, appLcmOpOccId, image, taskId...")
        Map<String, String> ids) {
}

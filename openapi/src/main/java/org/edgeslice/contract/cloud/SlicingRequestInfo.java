package org.edgeslice.contract.cloud;

import java.util.List;
import java.util.Map;
import org.edgeslice.contract.common.ProblemDetails;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A slicing request resource (steps 03 to 13): its state, the slice that serves it, the functions started for it
 * (step 12: "newly started functions"), the offloaded tasks, the step trace and the log.
 */
@Schema(name = "SlicingRequestInfo")
public record SlicingRequestInfo(
        @Schema(required = true) String id,
        @Schema(required = true) RequestType requestType,
        @Schema(required = true, enumeration = {"PROCESSING", "COMPLETED", "FAILED"}) String state,
        @Schema(required = true) SlicingRequest request,
        @Schema String sliceId,
        @Schema SliceInfo slice,
        @Schema(description = "Functions started for this request (empty for OFFLOADING_ONLY)")
        List<String> startedFunctions,
        @Schema List<TaskInfo> tasks,
        @Schema(required = true) List<StepRecord> trace,
        @Schema List<LogEntry> log,
        @Schema(required = true) String createdAt,
        @Schema String finishedAt,
        @Schema ProblemDetails error,
        @Schema(description = "Links: self, slice") Map<String, SliceInfo.Link> links) {
}

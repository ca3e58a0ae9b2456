package org.edgeslice.contract.cloud;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An offloaded task as the CISS keeps it. */
@Schema(name = "TaskInfo")
public record TaskInfo(
        @Schema(required = true) String taskId,
        @Schema(required = true) String path,
        @Schema(required = true) String sliceId,
        @Schema(required = true) SyncMode syncMode,
        @Schema(required = true, enumeration = {"OFFLOADING", "OFFLOADED", "RETURNED", "FAILED"}) String state,
        @Schema(description = "Structured address of the task root at the slice") String slicePath,
        @Schema(description = "oneM2M base URL of the slice the task lives in") String sliceEndpoint,
        @Schema Integer copiedResources,
        @Schema Long syncedChanges,
        @Schema String offloadedAt,
        @Schema String lastSyncAt,
        @Schema String detail) {
}

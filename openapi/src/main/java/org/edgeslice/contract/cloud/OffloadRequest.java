package org.edgeslice.contract.cloud;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST ciss/v1/offloads} (steps 09-10): copy tasks into a slice and set up their sync. */
@Schema(name = "OffloadRequest")
public record OffloadRequest(
        @Schema(required = true) String sliceId,
        @Schema(required = true, description = "oneM2M HTTP base URL of the slice, e.g. http://127.0.0.1:40001")
        String sliceEndpoint,
        @Schema(description = "CSEBase name of the slice; default cse-slice") String sliceCseName,
        @Schema(required = true) List<TaskSpec> tasks) {
}

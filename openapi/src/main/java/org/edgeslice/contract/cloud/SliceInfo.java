package org.edgeslice.contract.cloud;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An IoT slice in the ISCL's entire view. */
@Schema(name = "SliceInfo")
public record SliceInfo(
        @Schema(required = true) String sliceId,
        @Schema(required = true, enumeration = {"INSTANTIATING", "READY", "STOPPED", "RELEASING", "RELEASED", "FAILED"})
        String state,
        @Schema(required = true) List<String> functions,
        @Schema(description = "Image in the CSFR") String image,
        @Schema String appDId,
        @Schema String appPkgId,
        @Schema String appInstanceId,
        @Schema String hostId,
        @Schema(description = "oneM2M endpoints of the slice: http (all functions) and one per function")
        Map<String, String> endpoints,
        @Schema String cseId,
        @Schema String cseName,
        @Schema List<TaskInfo> tasks,
        @Schema String createdAt,
        @Schema String detail,
        @Schema(description = "Links: self") Map<String, Link> links) {

    /** {@code {"href": ...}}. */
    @Schema(name = "SliceLink")
    public record Link(@Schema String href) {
    }
}

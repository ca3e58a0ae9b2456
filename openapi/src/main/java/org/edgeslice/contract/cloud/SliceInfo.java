package org.edgeslice.contract.cloud;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An IoT slice in the ISCL's entire view. */
@Schema(name = "SliceInfo")
public record SliceInfo(
        @Schema(required = true) String sliceId,
        @Schema(required = true, enumeration = {"INSTANTIATING", "READY", "RELEASING", "RELEASED", "FAILED"})
        String state,
        @Schema(required = true) List<String> functions,
        @Schema(description = "Image in the CSFR") String image,
        String appDId,
        String appPkgId,
        String appInstanceId,
        String hostId,
        @Schema(description = "oneM2M endpoints of the slice: http (all functions) and one per function")
        Map<String, String> endpoints,
        String cseId,
        String cseName,
        List<TaskInfo> tasks,
        String createdAt,
        String detail,
        @Schema(description = "Links: self") Map<String, Link> links) {

    /** {@code {"href": ...}}. */
    @Schema(name = "SliceLink")
    public record Link(String href) {
    }
}

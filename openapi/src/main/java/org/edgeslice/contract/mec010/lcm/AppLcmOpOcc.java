package org.edgeslice.contract.mec010.lcm;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.TimeStamp;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 clause 6.2.2.11 {@code AppLcmOpOcc} (v2.1.1 {@code AppInstanceLcmOpOcc}). {@code error},
 * {@code isCancelPending}, {@code appInstanceId} follow the NFV-SOL pattern v3.x uses; {@code placement}
 * (project extension) records which host the MEO chose and why.
 */
@Schema(name = "AppLcmOpOcc")
public record AppLcmOpOcc(
        @Schema(required = true) String id,
        @Schema(required = true) OperationState operationState,
        @Schema(required = true) TimeStamp stateEnteredTime,
        @Schema(required = true) TimeStamp startTime,
        @Schema(required = true) LcmOperation lcmOperation,
        @Schema(description = "The request body of the operation") Object operationParams,
        String appInstanceId,
        Boolean isCancelPending,
        ProblemDetails error,
        @Schema(description = "Project extension: chosen host and reason") String placement,
        @Schema(name = "_links", required = true, ref = "#/components/schemas/AppLcmOpOccLinks") @JsonProperty("_links") Links links) {

    /** {@code AppLcmOpOcc._links}. */
    @Schema(name = "AppLcmOpOccLinks")
    public record Links(@Schema(required = true, ref = "#/components/schemas/LinkType") LinkType self,
                        @Schema(required = true, ref = "#/components/schemas/LinkType") LinkType appInstance,
                        LinkType grant, LinkType cancel, LinkType retry, LinkType fail) {
    }
}

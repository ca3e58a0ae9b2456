package org.edgeslice.contract.mec010.grant;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.edgeslice.contract.common.LinkType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 clause 6.2.4.2 {@code GrantRequest}: the body of POST granting/v1/grants (MEPM -> MEO). */
@Schema(name = "GrantRequest")
public record GrantRequest(
        @Schema(required = true) String appInstanceId,
        @Schema(required = true) String appLcmOpOccId,
        @Schema(required = true) String appDId,
        @Schema(required = true) GrantOperation operation,
        List<ResourceDefinition> addResources,
        List<ResourceDefinition> tempResources,
        List<ResourceDefinition> removeResources,
        List<ResourceDefinition> updateResources,
        Map<String, Object> additionalParams,
        @Schema(name = "_links", required = true, ref = "#/components/schemas/GrantRequestLinks") @JsonProperty("_links") Links links) {

    /** {@code GrantRequest._links}: where the MEPM's op occurrence and instance are. */
    @Schema(name = "GrantRequestLinks")
    public record Links(@Schema(required = true, ref = "#/components/schemas/LinkType") LinkType appLcmOpOcc,
                        @Schema(required = true, ref = "#/components/schemas/LinkType") LinkType appInstance) {
    }
}

package org.edgeslice.contract.mec010.lcm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.edgeslice.contract.common.LinkType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 clause 6.2.2.4 {@code AppInstanceInfo}. Besides the nested
 * {@code instantiatedAppState.operationalState}, {@code operationalState} is also given at the top level and
 * {@code mecHostInformation} names the host (both seen in v3.x implementations; see docs/conformance/meo.md).
 */
@Schema(name = "AppInstanceInfo")
public record AppInstanceInfo(
        @Schema(required = true) String id,
        String appInstanceName,
        String appInstanceDescription,
        @Schema(required = true) String appDId,
        @Schema(required = true) String appProvider,
        @Schema(required = true) String appName,
        @Schema(required = true) String appSoftVersion,
        @Schema(required = true) String appDVersion,
        @Schema(required = true) String appPkgId,
        List<VimConnectionInfo> vimConnectionInfo,
        @Schema(required = true) InstantiationState instantiationState,
        InstantiatedAppState instantiatedAppState,
        OperationalState operationalState,
        MecHostInformation mecHostInformation,
        @Schema(name = "_links", required = true, ref = "#/components/schemas/AppInstanceInfoLinks") @JsonProperty("_links") Links links) {

    /** {@code InstantiatedAppState}. */
    @Schema(name = "InstantiatedAppState")
    public record InstantiatedAppState(@Schema(required = true) OperationalState operationalState) {
    }

    /** {@code AppInstanceInfo._links}. */
    @Schema(name = "AppInstanceInfoLinks")
    public record Links(@Schema(required = true, ref = "#/components/schemas/LinkType") LinkType self, LinkType instantiate, LinkType terminate,
                        LinkType operate, LinkType configurePlatformForApp) {
    }
}

package org.edgeslice.contract.mec010.grant;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.mec010.lcm.VimConnectionInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 clause 6.2.4.3 {@code Grant}. {@code zones} names the MEC host the grant is for;
 * {@code additionalParams} carries {@code hostId}, {@code cpuMillis}, {@code memoryMb} (granted) and the
 * host's free capacity after the grant (project convention, docs/interfaces.md).
 */
@Schema(name = "Grant")
public record Grant(
        @Schema(required = true) String id,
        @Schema(required = true) String appInstanceId,
        @Schema(required = true) String appLcmOpOccId,
        List<VimConnectionInfo> vimConnections,
        List<ZoneInfo> zones,
        List<Map<String, Object>> zoneGroups,
        List<GrantInfo> addResources,
        List<GrantInfo> tempResources,
        List<GrantInfo> removeResources,
        List<GrantInfo> updateResources,
        Map<String, Object> vimAssets,
        List<Map<String, Object>> extVirtualLinks,
        Map<String, Object> additionalParams,
        @Schema(name = "_links", required = true, ref = "#/components/schemas/GrantLinks") @JsonProperty("_links") Links links) {

    /** {@code Grant._links}. */
    @Schema(name = "GrantLinks")
    public record Links(@Schema(required = true, ref = "#/components/schemas/LinkType") LinkType appLcmOpOcc,
                        @Schema(required = true, ref = "#/components/schemas/LinkType") LinkType appInstance,
                        LinkType self) {
    }

    /** {@code GrantInfo}. */
    @Schema(name = "GrantInfo")
    public record GrantInfo(@Schema(required = true) String resourceDefinitionId, String resourceGroupId,
                            String vimConnectionId, String zoneId) {
    }

    /** {@code ZoneInfo}. */
    @Schema(name = "ZoneInfo")
    public record ZoneInfo(@Schema(required = true) String id, @Schema(required = true) String zoneId,
                           String vimConnectionId) {
    }
}

package org.edgeslice.contract.mec010.lcm;

import java.util.List;
import java.util.Map;
import org.edgeslice.contract.mec010.pkgm.VirtualComputeDescriptor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 clause 6.2.2.7 {@code InstantiateAppRequest}. {@code selectedMECHostInfo} is required by
 * the v2.1.1 file; the MEO accepts its absence and then places the app itself (docs/conformance/meo.md).
 * {@code requesterLocation} is a project extension: the latitude/longitude of the requesting device, used by
 * placement when no host is selected.
 */
@Schema(name = "InstantiateAppRequest")
public record InstantiateAppRequest(
        List<MecHostInformation> selectedMECHostInfo,
        LocationConstraints locationConstraints,
        List<VimConnectionInfo> vimConnectionInfo,
        VirtualComputeDescriptor virtualComputeDescriptor,
        List<Map<String, Object>> virtualStorageDescriptor,
        Map<String, Object> appInstanceParameters,
        RequesterLocation requesterLocation) {

    /** Project extension: where the requesting device is. */
    @Schema(name = "RequesterLocation")
    public record RequesterLocation(Double latitude, Double longitude, String zone) {
    }
}

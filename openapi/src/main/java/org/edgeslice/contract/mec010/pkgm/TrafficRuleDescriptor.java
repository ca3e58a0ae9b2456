package org.edgeslice.contract.mec010.pkgm;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code TrafficRuleDescriptor} (also carried to the MEC platform over Mm5). */
@Schema(name = "TrafficRuleDescriptor")
public record TrafficRuleDescriptor(
        @Schema(required = true) String trafficRuleId,
        @Schema(required = true) FilterType filterType,
        @Schema(required = true) Integer priority,
        @Schema(required = true) List<TrafficFilter> trafficFilter,
        @Schema(required = true) Action action,
        List<InterfaceDescriptor> dstInterface) {

    /** {@code FilterType}. */
    public enum FilterType { FLOW, PACKET }

    /** {@code Action}. */
    public enum Action { DROP, FORWARD_DECAPSULATED, FORWARD_AS_IS, PASSTHROUGH, DUPLICATED_DECAPSULATED, DUPLICATE_AS_IS }

    /** {@code TrafficFilter}. */
    @Schema(name = "TrafficFilter")
    public record TrafficFilter(List<String> srcAddress, List<String> dstAddress, List<String> srcPort,
                                List<String> dstPort, List<String> protocol, List<String> tag,
                                List<String> srcTunnelAddress, List<String> tgtTunnelAddress,
                                List<String> srcTunnelPort, List<String> dstTunnelPort,
                                Integer qCI, Integer dSCP, Integer tC) {
    }

    /** {@code InterfaceDescriptor}. */
    @Schema(name = "InterfaceDescriptor")
    public record InterfaceDescriptor(@Schema(required = true) String interfaceType, TunnelInfo tunnelInfo,
                                      String srcMACAddress, String dstMACAddress, String dstIPAddress) {
    }

    /** {@code TunnelInfo}. */
    @Schema(name = "TunnelInfo")
    public record TunnelInfo(@Schema(required = true) String tunnelType,
                             @Schema(required = true) String tunnelDstAddress,
                             @Schema(required = true) String tunnelSrcAddress,
                             Object tunnelSpecificData) {
    }
}

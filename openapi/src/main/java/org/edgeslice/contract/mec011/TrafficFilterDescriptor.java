package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 {@code TrafficFilter} (AppD; Mm5 input): as MEC 011's, but with {@code tag} where MEC 011 has
 * {@code token}; both are accepted and become MEC 011 {@code token}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TrafficFilterDescriptor")
public record TrafficFilterDescriptor(List<String> srcAddress, List<String> dstAddress, List<String> srcPort,
        List<String> dstPort, List<String> protocol, List<String> tag, List<String> token,
        List<String> srcTunnelAddress, List<String> tgtTunnelAddress, List<String> srcTunnelPort,
        List<String> dstTunnelPort, @JsonProperty("qCI") Integer qCI, @JsonProperty("dSCP") Integer dSCP,
        @JsonProperty("tC") Integer tC) {

    public TrafficFilter toMec011() {
        List<String> tokens = token != null ? token : tag;
        return new TrafficFilter(srcAddress, dstAddress, srcPort, dstPort, protocol, tokens, srcTunnelAddress,
                tgtTunnelAddress, srcTunnelPort, dstTunnelPort, qCI, dSCP, tC);
    }
}

package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code TrafficFilter}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TrafficFilter")
public record TrafficFilter(List<String> srcAddress, List<String> dstAddress, List<String> srcPort, List<String> dstPort,
        List<String> protocol, List<String> token, List<String> srcTunnelAddress, List<String> tgtTunnelAddress,
        List<String> srcTunnelPort, List<String> dstTunnelPort,
        @JsonProperty("qCI") Integer qCI, @JsonProperty("dSCP") Integer dSCP, @JsonProperty("tC") Integer tC) {
}

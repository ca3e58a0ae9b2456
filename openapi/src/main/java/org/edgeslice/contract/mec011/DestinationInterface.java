package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code DestinationInterface}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DestinationInterface")
public record DestinationInterface(InterfaceType interfaceType, TunnelInfo tunnelInfo, String srcMacAddress, String dstMacAddress, String dstIpAddress) {
}

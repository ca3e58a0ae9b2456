package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code InterfaceDescriptor} (AppD; Mm5 input). Note the AppD's MAC/IP capitalisation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "InterfaceDescriptor")
public record InterfaceDescriptor(InterfaceType interfaceType, TunnelDescriptor tunnelInfo, @JsonProperty("srcMACAddress") String srcMACAddress,
        @JsonProperty("dstMACAddress") String dstMACAddress, @JsonProperty("dstIPAddress") String dstIPAddress) {
}

package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code TunnelInfo}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TunnelInfo")
public record TunnelInfo(TunnelType tunnelType, String tunnelDstAddress, String tunnelSrcAddress) {
}

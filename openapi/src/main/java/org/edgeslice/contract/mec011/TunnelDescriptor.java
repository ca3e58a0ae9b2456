package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code TunnelInfo} as the AppD carries it (Mm5 input). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TunnelDescriptor")
public record TunnelDescriptor(TunnelType tunnelType, String tunnelDstAddress, String tunnelSrcAddress, Object tunnelSpecificData) {
}

package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code TunnelInfo} as the AppD carries it (Mm5 input); tunnelType GTP-U (010-2) or GTP_U (011), GRE. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TunnelDescriptor")
public record TunnelDescriptor(String tunnelType, String tunnelDstAddress, String tunnelSrcAddress, Object tunnelSpecificData) {
}

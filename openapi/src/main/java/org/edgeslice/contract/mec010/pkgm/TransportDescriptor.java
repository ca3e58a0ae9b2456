package org.edgeslice.contract.mec010.pkgm;

import org.edgeslice.contract.mec011.SecurityInfo;
import org.edgeslice.contract.mec011.TransportType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code TransportDescriptor}. */
@Schema(name = "TransportDescriptor")
public record TransportDescriptor(
        @Schema(required = true) String protocol,
        SecurityInfo security,
        @Schema(required = true) TransportType type,
        @Schema(required = true) String version) {
}

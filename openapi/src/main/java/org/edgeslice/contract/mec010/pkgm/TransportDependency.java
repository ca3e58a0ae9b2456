package org.edgeslice.contract.mec010.pkgm;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code TransportDependency}. */
@Schema(name = "TransportDependency")
public record TransportDependency(
        @Schema(required = true) List<String> labels,
        @Schema(required = true) List<String> serializers,
        @Schema(required = true) TransportDescriptor transport) {
}

package org.edgeslice.contract.mec010.pkgm;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code ServiceDescriptor}: a MEC service the app produces. */
@Schema(name = "ServiceDescriptor")
public record ServiceDescriptor(
        @Schema(required = true) String serName,
        CategoryRef serCategory,
        @Schema(required = true) String version,
        List<TransportsSupported> transportsSupported) {

    /** {@code TransportsSupported}: a transport and the serializers used on it. */
    @Schema(name = "TransportsSupported")
    public record TransportsSupported(TransportDescriptor transport, List<String> serializers) {
    }
}

package org.edgeslice.contract.mec010.pkgm;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code ServiceDependency}: a MEC service the app requires or may use. */
@Schema(name = "ServiceDependency")
public record ServiceDependency(
        @Schema(required = true) String serName,
        CategoryRef serCategory,
        @Schema(required = true) String version,
        List<TransportDependency> serTransportDependencies,
        List<Object> requestedPermissions) {
}

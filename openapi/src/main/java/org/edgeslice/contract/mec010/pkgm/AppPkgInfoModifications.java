package org.edgeslice.contract.mec010.pkgm;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 clause 6.2.3.4 {@code AppPkgInfoModifications}: the body of PATCH app_packages/{id}. v3.x
 * names the attribute {@code operationalState}; the v2.1.1 file says {@code operationState}; both are accepted
 * and {@code operationalState} is echoed.
 */
@Schema(name = "AppPkgInfoModifications")
public record AppPkgInfoModifications(
        @Schema(required = true) @JsonAlias("operationState") AppPkgOperationalState operationalState) {
}

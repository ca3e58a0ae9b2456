package org.edgeslice.contract.mec010.pkgm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 clause 6.2.3.4 {@code AppPkgInfoModifications}: the body of PATCH app_packages/{id}. v3.x
 * names the attribute {@code operationalState}; the v2.1.1 file says {@code operationState}; both are accepted
 * and {@code operationalState} is echoed.
 */
@Schema(name = "AppPkgInfoModifications")
public record AppPkgInfoModifications(@Schema(required = true) AppPkgOperationalState operationalState) {

    /** Jackson does not apply {@code @JsonAlias} to a one-component record, hence the explicit creator. */
    @JsonCreator
    static AppPkgInfoModifications fromJson(@JsonProperty("operationalState") AppPkgOperationalState operationalState,
                                            @JsonProperty("operationState") AppPkgOperationalState operationState) {
        return new AppPkgInfoModifications(operationalState != null ? operationalState : operationState);
    }
}

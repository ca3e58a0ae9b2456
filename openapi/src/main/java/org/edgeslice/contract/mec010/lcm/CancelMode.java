package org.edgeslice.contract.mec010.lcm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 v3.x clause 7.4.11 body of POST app_lcm_op_occs/{id}/cancel: {@code {"cancelMode":
 * "GRACEFUL"|"FORCEFUL"}} (also accepted as {@code CancelMode}).
 */
@Schema(name = "CancelMode")
public record CancelMode(@Schema(required = true) StopType cancelMode) {

    /** Jackson does not apply {@code @JsonAlias} to a one-component record, hence the explicit creator. */
    @JsonCreator
    static CancelMode fromJson(@JsonProperty("cancelMode") StopType cancelMode,
                               @JsonProperty("CancelMode") StopType capitalised) {
        return new CancelMode(cancelMode != null ? cancelMode : capitalised);
    }
}

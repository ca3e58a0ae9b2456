package org.edgeslice.contract.mec010.lcm;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 v3.x clause 7.4.11 body of POST app_lcm_op_occs/{id}/cancel: {@code {"cancelMode":
 * "GRACEFUL"|"FORCEFUL"}} (also accepted as {@code CancelMode}).
 */
@Schema(name = "CancelMode")
public record CancelMode(@Schema(required = true) @JsonProperty("cancelMode") @JsonAlias("CancelMode") StopType cancelMode) {
}

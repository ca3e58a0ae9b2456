package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 v2.2.1+ {@code ServiceLivenessUpdate}: a heartbeat ({@code state: ACTIVE}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ServiceLivenessUpdate")
public record ServiceLivenessUpdate(ServiceState state) {
}

package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.edgeslice.contract.common.TimeStamp;

/** ETSI GS MEC 011 v2.2.1+ {@code ServiceLivenessInfo}: state, last heartbeat, interval (s). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ServiceLivenessInfo")
public record ServiceLivenessInfo(ServiceState state, TimeStamp timeStamp, Integer interval) {
}

package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Mm5 (project API): the state of the graceful termination handshake. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TerminationStatus")
public record TerminationStatus(TerminationState state, OperationActionType operationAction, Integer maxGracefulTimeout) {
}

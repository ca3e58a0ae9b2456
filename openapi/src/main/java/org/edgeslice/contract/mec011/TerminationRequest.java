package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Mm5 (project API): the MEPM asks the platform to run the graceful termination handshake. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TerminationRequest")
public record TerminationRequest(OperationActionType operationAction, Integer maxGracefulTimeout) {
}

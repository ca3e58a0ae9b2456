package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code AppTerminationConfirmation}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AppTerminationConfirmation")
public record AppTerminationConfirmation(OperationActionType operationAction) {
}

package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code AppReadyConfirmation}: {@code indication} is READY. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AppReadyConfirmation")
public record AppReadyConfirmation(String indication) {
}

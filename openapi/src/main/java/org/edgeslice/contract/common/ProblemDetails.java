package org.edgeslice.contract.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 7807 problem details, as ETSI GS MEC 009 prescribes for every error response of the MEC APIs
 * (MEC 010-2 and MEC 011 type {@code ProblemDetails}). {@code status} always equals the HTTP status code.
 * Carried as {@link ProblemDetailsMediaType#VALUE}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ProblemDetails", description = "RFC 7807 problem details")
public record ProblemDetails(
        @Schema(description = "URI reference of the problem type") String type,
        @Schema(description = "Short summary of the problem type") String title,
        @Schema(description = "The HTTP status code") Integer status,
        @Schema(description = "Explanation of this occurrence") String detail,
        @Schema(description = "URI reference of this occurrence") String instance) {
}

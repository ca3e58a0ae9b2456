package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 6749 clause 5.2 error response of the token endpoint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OAuthError")
public record OAuthError(String error, @JsonProperty("error_description") @Schema(name = "error_description") String errorDescription) {
}

package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 6749 clause 5.1 access token response of the platform's token endpoint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AccessTokenResponse")
public record AccessTokenResponse(@JsonProperty("access_token") @Schema(name = "access_token") String accessToken, @JsonProperty("token_type") @Schema(name = "token_type") String tokenType,
        @JsonProperty("expires_in") @Schema(name = "expires_in") long expiresIn) {
}

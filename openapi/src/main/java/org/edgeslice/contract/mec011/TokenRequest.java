package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 6749 clause 4.4.2 access token request (form-encoded) of the platform's token endpoint; the client
 * credentials go either here or in HTTP Basic.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TokenRequest")
public record TokenRequest(@JsonProperty("grant_type") @Schema(name = "grant_type") String grantType, @JsonProperty("client_id") @Schema(name = "client_id") String clientId,
                           @JsonProperty("client_secret") @Schema(name = "client_secret") String clientSecret, String scope) {
}

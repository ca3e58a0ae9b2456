package org.edgeslice.mep.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.edgeslice.contract.mec011.AccessTokenResponse;
import org.edgeslice.contract.mec011.OAuthError;
import org.edgeslice.contract.mec011.TokenRequest;
import org.edgeslice.mep.app.AppInstances;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The platform's OAuth 2.0 token endpoint (RFC 6749 clause 4.4, client credentials; ETSI GS MEC 009 clause 7):
 * an app exchanges the client credentials the MEPM handed it for a short-lived bearer token. Errors follow
 * RFC 6749 clause 5.2 (what OAuth clients parse), not ProblemDetails.
 */
@Path("oauth2/token")
public class TokenResource {

    @Inject
    AppInstances apps;

    @Inject
    TokenService tokens;

    /** RFC 6749 clause 4.4.2 access token request; credentials by HTTP Basic or in the form. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "Token_POST", summary = "Issue an access token for client credentials (RFC 6749 clause 4.4)")
    @APIResponse(responseCode = "200", description = "The access token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessTokenResponse.class)))
    @APIResponse(responseCode = "400", description = "invalid_request or unsupported_grant_type",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthError.class)))
    @APIResponse(responseCode = "401", description = "invalid_client",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthError.class)))
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                                  schema = @Schema(implementation = TokenRequest.class))) MultivaluedMap<String, String> form) {
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            return error(400, "invalid_request", "grant_type is required");
        }
        if (!"client_credentials".equals(grantType)) {
            return error(400, "unsupported_grant_type", "Only client_credentials is supported");
        }
        String formId = single(form, "client_id");
        String formSecret = single(form, "client_secret");
        Optional<String[]> basic = basic(authorization);
        if (basic.isPresent() && (formId != null || formSecret != null)) {
            return error(400, "invalid_request", "Send the client credentials either by HTTP Basic or in the form");
        }
        String clientId = basic.map(b -> b[0]).orElse(formId);
        String secret = basic.map(b -> b[1]).orElse(formSecret);
        Optional<String> app = clientId == null || secret == null ? Optional.empty()
                : apps.authenticateClient(clientId, secret);
        if (app.isEmpty()) {
            return Response.fromResponse(error(401, "invalid_client", "Unknown client or wrong secret"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"mec-platform\"").build();
        }
        AccessTokens.Issued issued = tokens.issue(app.get(), clientId);
        return Response.ok(new AccessTokenResponse(issued.token(), "Bearer", issued.expiresIn()))
                .type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .build();
    }

    private static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** RFC 6749 clause 2.3.1: Basic credentials, each part form-urlencoded. */
    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Response error(int status, String code, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store")
                .entity(new OAuthError(code, description)).build();
    }
}

package org.edgeslice.mep.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Optional;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.mep.app.AppInstances;
import org.edgeslice.support.problem.ProblemResponses;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Authentication and the ownership rule of ETSI GS MEC 009 for this platform: every Mp1 call carries a bearer
 * token issued to one app instance, which then reaches only its own {@code applications/{appInstanceId}} and
 * {@code registrations/{appInstanceId}} resources (403 otherwise); Mm5 calls carry the MEPM's secret
 * {@code mep.mm5.secret}. The authenticated app instance becomes the request's user principal.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Mp1Security implements ContainerRequestFilter {

    private volatile TokenService tokens;
    private volatile AppInstances apps;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        path = path.startsWith("/") ? path.substring(1) : path;
        switch (AccessPolicy.guardOf(path)) {
            case MM5 -> checkMm5(request);
            case MP1 -> checkMp1(request, path);
            case NONE -> { }
        }
    }

    private void checkMm5(ContainerRequestContext request) {
        Optional<String> secret = ConfigProvider.getConfig().getOptionalValue("mep.mm5.secret", String.class)
                .filter(s -> !s.isBlank());
        Optional<String> presented = bearer(request);
        if (secret.isEmpty()) {
            unauthorized(request, "Mm5 is disabled: mep.mm5.secret (MEP_MM5_SECRET) is not configured");
            return;
        }
        if (presented.isEmpty() || !MessageDigest.isEqual(presented.get().getBytes(StandardCharsets.UTF_8),
                secret.get().getBytes(StandardCharsets.UTF_8))) {
            unauthorized(request, "Mm5 requires the MEPM's bearer secret");
            return;
        }
        request.setSecurityContext(new Caller("mepm", "MEPM", request.getSecurityContext()));
    }

    private void checkMp1(ContainerRequestContext request, String path) {
        Optional<AccessTokens.Claims> claims = bearer(request).flatMap(t -> tokens().verify(t));
        if (claims.isEmpty() || !apps().authorize(claims.get().appInstanceId(), claims.get().clientId(),
                AccessPolicy.ownerOf(path))) {
            unauthorized(request, "Mp1 requires a valid access token from the platform's token endpoint"
                    + " (oauth2/token, client credentials)");
            return;
        }
        request.setSecurityContext(new Caller(claims.get().appInstanceId(), "APP", request.getSecurityContext()));
    }

    private static Optional<String> bearer(ContainerRequestContext request) {
        String h = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = h.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static void unauthorized(ContainerRequestContext request, String detail) {
        request.abortWith(jakarta.ws.rs.core.Response.fromResponse(ProblemResponses.of(new ProblemDetails(
                        "about:blank", "Unauthorized", 401, detail, request.getUriInfo().getRequestUri().getPath())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mec-platform\"").build());
    }

    private TokenService tokens() {
        if (tokens == null) {
            tokens = CDI.current().select(TokenService.class).get();
        }
        return tokens;
    }

    private AppInstances apps() {
        if (apps == null) {
            apps = CDI.current().select(AppInstances.class).get();
        }
        return apps;
    }

    /** The authenticated caller: an app instance id, or the MEPM. */
    private record Caller(String name, String role, SecurityContext original) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return () -> name;
        }

        @Override
        public boolean isUserInRole(String r) {
            return role.equals(r);
        }

        @Override
        public boolean isSecure() {
            return original != null && original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}

package org.edgeslice.mep;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;

/**
 * Serves {@code mec_app_support/v1} (ETSI GS MEC 011 v2.x) as an alias of {@code mec_app_support/v2}
 * (v3.x), so that clients written against either version work; the resources exist once, under v2.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class AppSupportV1Alias implements ContainerRequestFilter {

    private static final String V1 = "mec_app_support/v1/";
    private static final String V2 = "mec_app_support/v2/";

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false);
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.startsWith(V1)) {
            UriBuilder b = request.getUriInfo().getBaseUriBuilder().path(V2 + relative.substring(V1.length()));
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            request.setRequestUri(query == null ? b.build() : b.replaceQuery(query).build());
        }
    }
}

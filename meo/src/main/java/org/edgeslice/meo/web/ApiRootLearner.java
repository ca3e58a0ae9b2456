package org.edgeslice.meo.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.edgeslice.meo.common.ApiRoot;

/** Learns the MEO's apiRoot from the first request when {@code meo.api-root} is not configured. */
@Provider
@PreMatching
public class ApiRootLearner implements ContainerRequestFilter {

    @Inject
    ApiRoot apiRoot;

    @Override
    public void filter(ContainerRequestContext request) {
        apiRoot.learn(request.getUriInfo().getBaseUri().toString());
    }
}

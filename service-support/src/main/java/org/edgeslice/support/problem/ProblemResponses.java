package org.edgeslice.support.problem;

import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.ProblemDetailsMediaType;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds {@code application/problem+json} responses; the one place that knows how an error goes on the wire. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemDetails problem) {
        return Response.status(problem.status()).type(ProblemDetailsMediaType.VALUE).entity(problem).build();
    }

    static String instanceOf(UriInfo uriInfo) {
        return uriInfo == null ? null : uriInfo.getRequestUri().getPath();
    }
}

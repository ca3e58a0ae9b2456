package org.edgeslice.support.problem;

import org.edgeslice.contract.common.ProblemDetails;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps domain errors ({@link ProblemException}) to ProblemDetails responses. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProblemException e) {
        return ProblemResponses.of(e.toProblemDetails(ProblemResponses.instanceOf(uriInfo)));
    }
}

package org.edgeslice.support.problem;

import org.edgeslice.contract.common.ProblemDetails;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Last resort: a bug or an unavailable dependency. Logged with its stack trace, answered with a 500
 * ProblemDetails that does not leak internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        ProblemException problem = ProblemCauses.find(e);
        if (problem != null) {
            return ProblemResponses.of(problem.toProblemDetails(ProblemResponses.instanceOf(uriInfo)));
        }
        LOG.log(Level.SEVERE, "Unexpected error", e);
        return ProblemResponses.of(new ProblemDetails("about:blank", "Internal Server Error", 500,
                "The request could not be completed: " + e.getClass().getSimpleName(),
                ProblemResponses.instanceOf(uriInfo)));
    }
}

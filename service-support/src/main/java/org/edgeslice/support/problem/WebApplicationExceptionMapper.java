package org.edgeslice.support.problem;

import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.ProblemDetailsMediaType;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the JAX-RS runtime's own errors (unknown path 404, wrong method 405, unsupported media type 415,
 * not acceptable 406, malformed parameters 404/400) a ProblemDetails body too, so that every error of a MEC
 * API looks the same to a client.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        Response.StatusType type = original.getStatusInfo();
        String detail = e.getMessage() == null ? type.getReasonPhrase() : e.getMessage();
        Response.ResponseBuilder builder = Response.fromResponse(ProblemResponses.of(
                new ProblemDetails("about:blank", type.getReasonPhrase(), status, detail,
                        ProblemResponses.instanceOf(uriInfo))));
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.type(ProblemDetailsMediaType.VALUE).build();
    }
}

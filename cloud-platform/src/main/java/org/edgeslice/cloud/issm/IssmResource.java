package org.edgeslice.cloud.issm;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.ProblemDetailsMediaType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.edgeslice.support.problem.ProblemException;

/**
 * Where the MEO fetches the application packages the ISSM wrote (the {@code appPkgPath} of CreateAppPkg,
 * ETSI GS MEC 010-2 clause 6.2.3.2: a loopback http URL).
 */
@Path("issm/v1/packages")
@RequestScoped
public class IssmResource {

    @Inject
    PackageRepository packages;

    /** Project API: the package file (zip, ETSI CSAR layout). */
    @GET
    @Path("{name}/content")
    @Produces({"application/zip", "application/json"})
    @Operation(operationId = "PackageContent_GET", summary = "An application package file (appPkgPath)")
    @APIResponse(responseCode = "200", description = "The package zip",
            content = @Content(mediaType = "application/zip"))
    @APIResponse(responseCode = "404", description = "Unknown package",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public Response content(@PathParam("name") String name) {
        PackageEntity p = packages.find(name).orElseThrow(() -> ProblemException.notFound("no package " + name));
        return Response.ok(p.zip(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".zip\"").build();
    }
}

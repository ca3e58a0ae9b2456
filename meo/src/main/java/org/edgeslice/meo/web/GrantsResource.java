package org.edgeslice.meo.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.edgeslice.contract.mec010.grant.Grant;
import org.edgeslice.contract.mec010.grant.GrantRequest;
import org.edgeslice.meo.grant.GrantService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ETSI GS MEC 010-2 granting, {@code granting/v1/grants} (clause 7.5), called by the MEPMs over Mm3. */
@RequestScoped
@Path("granting/v1/grants")
@Tag(name = "granting")
public class GrantsResource {

    @Inject
    GrantService grants;

    /** ETSI GS MEC 010-2 clause 7.5.2.3.1, grants POST: a synchronous grant, 201 + Location; 403 when refused. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "Grants_POST", summary = "Request a grant for an LCM operation")
    @APIResponse(responseCode = "201", description = "Granted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Grant.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response grant(GrantRequest request) {
        Grant g = grants.grant(request);
        return Response.created(URI.create(g.links().self().href())).entity(g).type(MediaType.APPLICATION_JSON).build();
    }

    /** ETSI GS MEC 010-2 clause 7.5.3.3.2, individual grant GET (grants are synchronous: always 200). */
    @GET
    @Path("{grantId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "Grant_GET", summary = "Read a grant")
    @APIResponse(responseCode = "200", description = "The grant", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Grant.class)))
    @APIResponse(responseCode = "404", ref = "404")
    public Grant get(@PathParam("grantId") String id) {
        return grants.get(id);
    }
}

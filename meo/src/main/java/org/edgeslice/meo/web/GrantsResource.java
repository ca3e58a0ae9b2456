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
import org.edgeslice.meo.grant.GrantAnswer;
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

    /**
     * ETSI GS MEC 010-2 clause 7.5.2.3.1, grants POST: 201 + Location + Grant when decided at once; 202 + Location
     * (asynchronous granting) when the host's capacity is held by operations in flight; 403 when refused.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "Grants_POST", summary = "Request a grant for an LCM operation")
    @APIResponse(responseCode = "201", description = "Granted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Grant.class)))
    @APIResponse(responseCode = "202", description = "Accepted, not decided yet; poll the Location")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response grant(GrantRequest request) {
        GrantAnswer a = grants.request(request);
        if (a instanceof GrantAnswer.Granted g) {
            return Response.created(URI.create(g.grant().links().self().href())).entity(g.grant())
                    .type(MediaType.APPLICATION_JSON).build();
        }
        return Response.accepted().location(URI.create(((GrantAnswer.Pending) a).href())).build();
    }

    /**
     * ETSI GS MEC 010-2 clause 7.5.3.3.2, individual grant GET: 200 + Grant once decided, 202 while an
     * asynchronous grant is still pending (it is decided again at each poll), 403 when it was refused.
     */
    @GET
    @Path("{grantId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "Grant_GET", summary = "Read a grant")
    @APIResponse(responseCode = "200", description = "The grant", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Grant.class)))
    @APIResponse(responseCode = "202", description = "Not decided yet; poll again")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response get(@PathParam("grantId") String id) {
        GrantAnswer a = grants.poll(id);
        if (a instanceof GrantAnswer.Granted g) {
            return Response.ok(g.grant(), MediaType.APPLICATION_JSON).build();
        }
        return Response.accepted().location(URI.create(((GrantAnswer.Pending) a).href())).build();
    }
}

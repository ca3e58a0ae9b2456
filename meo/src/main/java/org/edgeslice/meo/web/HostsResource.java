package org.edgeslice.meo.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.host.HostInventory;
import org.edgeslice.meo.infrastructure.Mm3Subscriber;
import org.edgeslice.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Project API (docs/interfaces.md): the MEC host inventory, {@code mec_hosts/v1/hosts}. */
@RequestScoped
@Path("mec_hosts/v1/hosts")
@Tag(name = "mec-hosts")
public class HostsResource {

    @Inject
    HostInventory hosts;

    @Inject
    Mm3Subscriber subscriber;

    @Inject
    ApiRoot root;

    @Context
    UriInfo uriInfo;

    /**
     * Project API, host registration PUT (idempotent): 201 for a new host, 200 for an update. The MEO then
     * subscribes at the host's MEPM for Mm3 notifications (in the background).
     */
    @PUT
    @Path("{hostId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "MecHost_PUT", summary = "Register or update a MEC host")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MecHostInfo.class)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MecHostInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public Response register(@PathParam("hostId") String hostId, MecHostInfo info) {
        boolean created = hosts.register(hostId, info);
        MecHostInfo stored = hosts.host(hostId).orElseThrow();
        subscriber.subscribeLater(stored, uriInfo.getBaseUri().toString());
        return (created ? Response.created(URI.create(root.href("mec_hosts/v1/hosts/" + hostId))) : Response.ok())
                .entity(stored).type(MediaType.APPLICATION_JSON).build();
    }

    /** Project API, hosts GET: every registered host with its capacity and allocation. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "MecHosts_GET", summary = "List the MEC hosts")
    @APIResponse(responseCode = "200", description = "The hosts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = MecHostInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public List<MecHostInfo> list() {
        return hosts.hosts();
    }

    /** Project API, individual host GET. */
    @GET
    @Path("{hostId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "MecHost_GET", summary = "Read a MEC host")
    @APIResponse(responseCode = "200", description = "The host", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MecHostInfo.class)))
    @APIResponse(responseCode = "404", ref = "404")
    public MecHostInfo get(@PathParam("hostId") String hostId) {
        return hosts.host(hostId).orElseThrow(() -> ProblemException.notFound("No MEC host " + hostId));
    }
}

package org.edgeslice.mep.mm5;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.edgeslice.contract.mec011.AppPlatformConfig;
import org.edgeslice.contract.mec011.AppPlatformStatus;
import org.edgeslice.contract.mec011.TerminationRequest;
import org.edgeslice.contract.mec011.TerminationStatus;
import org.edgeslice.mep.app.AppInstances;
import org.edgeslice.mep.app.AppLifecycle;
import org.edgeslice.mep.app.ReadyWaiters;
import org.edgeslice.support.http.PreferWait;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Mm5, MEPM → MEC platform (ETSI GS MEC 003 defines only the information flow; the REST binding is the
 * project's, docs/interfaces.md). Only the MEPM, holding {@code mep.mm5.secret}, gets here.
 */
@Path("mm5/v1/app_instances/{appInstanceId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class Mm5Resource {

    @Inject
    AppInstances apps;

    @Inject
    AppLifecycle lifecycle;

    @Inject
    ReadyWaiters readyWaiters;

    @Context
    UriInfo uriInfo;

    /** Mm5 app configuration PUT (idempotent): traffic and DNS rules and the app's OAuth 2.0 client; 201 or 200. */
    @PUT
    @Operation(operationId = "Mm5AppInstance_PUT", summary = "Configure the platform for an app (project Mm5)")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppPlatformStatus.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppPlatformStatus.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "409", ref = "409")
    public Response configure(@PathParam("appInstanceId") String appInstanceId,
                              @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppPlatformConfig.class))) AppPlatformConfig config) {
        boolean created = apps.configure(appInstanceId, config);
        AppPlatformStatus status = apps.status(appInstanceId);
        return created ? Response.created(uriInfo.getAbsolutePath()).entity(status).build()
                : Response.ok(status).build();
    }

    /** The longest an Mm5 GET waits for confirm_ready ({@code Prefer: wait=N}, seconds). */
    static final int MAX_READY_WAIT_SECONDS = 10;

    /**
     * Mm5 app configuration GET: the MEPM asks for {@code readyConfirmed} after starting the app. With the RFC
     * 7240 preference {@code Prefer: wait=N} it is a long poll: the answer comes as soon as the app confirms ready
     * on Mp1, or after N seconds (at most {@value #MAX_READY_WAIT_SECONDS}) with what holds then.
     */
    @GET
    @Operation(operationId = "Mm5AppInstance_GET", summary = "An app's platform configuration and Mp1 progress (project Mm5)")
    @APIResponse(responseCode = "200", description = "The configuration and progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppPlatformStatus.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "404", ref = "404")
    public Response get(@PathParam("appInstanceId") String appInstanceId, @HeaderParam("Prefer") String prefer) {
        int wait = PreferWait.seconds(prefer, MAX_READY_WAIT_SECONDS);
        AppPlatformStatus status = apps.status(appInstanceId); // 404 for an unknown app, before any wait
        if (wait > 0 && !status.readyConfirmed()) {
            try {
                readyWaiters.await(appInstanceId, wait * 1000L,
                        () -> apps.status(appInstanceId).readyConfirmed());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = apps.status(appInstanceId);
            return Response.ok(status).header("Preference-Applied", "wait=" + wait).build();
        }
        return Response.ok(status).build();
    }

    /** Mm5 app removal at terminate: rules, registration, services, subscriptions and credentials go. */
    @DELETE
    @Operation(operationId = "Mm5AppInstance_DELETE", summary = "Remove everything of an app from the platform (project Mm5)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "404", ref = "404")
    public Response remove(@PathParam("appInstanceId") String appInstanceId) {
        apps.remove(appInstanceId);
        readyWaiters.confirmed(appInstanceId); // a long poll still open ends now (it finds no ready app)
        return Response.noContent().build();
    }

    /** Mm5 termination POST: sends MEC 011 AppTerminationNotification to the app's subscribers; 202 + Location. */
    @POST
    @Path("termination")
    @Operation(operationId = "Mm5Termination_POST", summary = "Start the graceful termination handshake (project Mm5)")
    @APIResponse(responseCode = "202", description = "Started; Location names the status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TerminationStatus.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public Response terminate(@PathParam("appInstanceId") String appInstanceId,
                              @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TerminationRequest.class))) TerminationRequest request) {
        TerminationStatus status = lifecycle.requestTermination(appInstanceId, request, uriInfo.getBaseUri().toString());
        return Response.accepted(status).location(uriInfo.getAbsolutePath()).build();
    }

    /** Mm5 termination GET: the MEPM polls until it is not PENDING, then stops the container. */
    @GET
    @Path("termination")
    @Operation(operationId = "Mm5Termination_GET", summary = "The termination handshake's state (project Mm5)")
    @APIResponse(responseCode = "200", description = "The state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TerminationStatus.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "404", ref = "404")
    public TerminationStatus termination(@PathParam("appInstanceId") String appInstanceId) {
        return lifecycle.termination(appInstanceId);
    }
}

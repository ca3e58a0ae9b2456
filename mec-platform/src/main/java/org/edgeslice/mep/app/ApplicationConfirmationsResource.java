package org.edgeslice.mep.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.edgeslice.contract.mec011.AppReadyConfirmation;
import org.edgeslice.contract.mec011.AppTerminationConfirmation;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code confirm_ready} and {@code confirm_termination} of ETSI GS MEC 011 application support. */
@Path("mec_app_support/v2/applications/{appInstanceId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationConfirmationsResource {

    @Inject
    AppLifecycle lifecycle;

    @Inject
    ReadyWaiters readyWaiters;

    /** ETSI GS MEC 011 clause 7.2.11.3.4, "ApplicationsConfirmReady_POST"; the MEPM waits for it over Mm5. */
    @POST
    @Path("confirm_ready")
    @Operation(operationId = "ApplicationsConfirmReady_POST", summary = "Confirm that the app is up and running (MEC 011 clause 7.2.11.3.4)")
    @APIResponse(responseCode = "204", description = "Confirmed")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public Response confirmReady(@PathParam("appInstanceId") String appInstanceId,
                                 @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppReadyConfirmation.class))) AppReadyConfirmation confirmation) {
        lifecycle.confirmReady(appInstanceId, confirmation); // committed on return
        readyWaiters.confirmed(appInstanceId);
        return Response.noContent().build();
    }

    /** ETSI GS MEC 011 clause 7.2.12.3.4, "ApplicationsConfirmTermination_POST"; 409 when none is pending. */
    @POST
    @Path("confirm_termination")
    @Operation(operationId = "ApplicationsConfirmTermination_POST", summary = "Confirm that the app is ready to be stopped or terminated (MEC 011 clause 7.2.12.3.4)")
    @APIResponse(responseCode = "204", description = "Confirmed")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public Response confirmTermination(@PathParam("appInstanceId") String appInstanceId,
                                       @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppTerminationConfirmation.class))) AppTerminationConfirmation confirmation) {
        lifecycle.confirmTermination(appInstanceId, confirmation);
        return Response.noContent().build();
    }
}

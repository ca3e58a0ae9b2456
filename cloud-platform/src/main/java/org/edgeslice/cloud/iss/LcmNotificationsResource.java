package org.edgeslice.cloud.iss;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.ProblemDetailsMediaType;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The ISS's callbackUri for the MEO's LCM notifications (ETSI GS MEC 010-2 clause 7.4.8, notification endpoint:
 * POST → 204). Read as a tree: the notification is matched by appLcmOpOccId and its state only.
 */
@Path("iss/v1/lcm_notifications")
@RequestScoped
public class LcmNotificationsResource {

    @Inject
    LcmWaiter waiter;

    @Inject
    org.edgeslice.cloud.iscl.SliceStates slices;

    /** ETSI GS MEC 010-2 clause 7.4.8, AppLcmOpOccNotification delivery (POST). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "LcmNotification_POST", summary = "MEC 010-2 AppLcmOpOccNotification delivery")
    @APIResponse(responseCode = "204", description = "Received")
    public Response notify(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT))) JsonNode notification) {
        if (notification.hasNonNull("appLcmOpOccId")) {
            waiter.notified(notification);
        } else if (notification.hasNonNull("appInstanceId")) {
            // AppInstNotification: the new state is appInstanceState (v3) or notificationType (v2.1.1 typing)
            String state = notification.hasNonNull("appInstanceState") ? notification.path("appInstanceState").asText()
                    : notification.path("notificationType").asText();
            slices.instanceStateChanged(notification.path("appInstanceId").asText(), state);
        }
        return Response.noContent().build();
    }

    /** Callback test (MEC 009 style GET on the callback URI): 204. */
    @GET
    @Operation(operationId = "LcmNotification_GET", summary = "Callback test")
    @APIResponse(responseCode = "204", description = "Reachable")
    public Response test() {
        return Response.noContent().build();
    }
}

package org.edgeslice.meo.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.edgeslice.meo.lcm.LcmOrchestrator;
import org.edgeslice.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The MEO's Mm3 callback (docs/interfaces.md): the MEPMs POST {@code AppLcmOpOccNotification}s and
 * {@code AppInstNotification}s here (ETSI GS MEC 010-2 clause 7.4.7 consumer side, "user_defined_notification").
 */
@RequestScoped
@Path("mm3/v1/notifications")
@Tag(name = "mm3")
public class Mm3NotificationsResource {

    @Inject
    LcmOrchestrator lcm;

    /**
     * ETSI GS MEC 010-2 clause 7.4.14 (consumer side) notification POST: an op occurrence change wakes the
     * step waiting for it; an instance change the MEO did not ask for updates the instance. Answers 204.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "Mm3Notification_POST", summary = "Receive a MEPM notification")
    @APIResponse(responseCode = "204", description = "Received")
    @APIResponse(responseCode = "400", ref = "400")
    public Response notify(JsonNode notification) {
        if (!notification.isObject()) {
            throw ProblemException.badRequest("A notification object is required");
        }
        if (notification.hasNonNull("appLcmOpOccId")) {
            lcm.mepmOpChanged(notification.get("appLcmOpOccId").asText());
        } else if (notification.hasNonNull("appInstanceId")) {
            JsonNode state = notification.hasNonNull("appInstanceState") ? notification.get("appInstanceState")
                    : notification.get("notificationType");
            lcm.mepmInstanceChanged(notification.get("appInstanceId").asText(), state == null ? null : state.asText());
        } else {
            throw ProblemException.badRequest("Neither appLcmOpOccId nor appInstanceId in the notification");
        }
        return Response.noContent().build();
    }
}

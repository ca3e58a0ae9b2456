package org.edgeslice.mep.subscription;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.mec011.AppTerminationNotificationSubscription;
import org.edgeslice.contract.mec011.SelfLinks;
import org.edgeslice.contract.mec011.SubscriptionLinkList;
import org.edgeslice.mep.infrastructure.JsonText;
import org.edgeslice.support.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code {apiRoot}/mec_app_support/v2/applications/{appInstanceId}/subscriptions} of ETSI GS MEC 011. */
@Path("mec_app_support/v2/applications/{appInstanceId}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppTerminationSubscriptionsResource {

    @Inject
    Subscriptions subscriptions;

    @Context
    UriInfo uriInfo;

    /** ETSI GS MEC 011 clause 7.2.3.3.1, "ApplicationsSubscriptions_GET". */
    @GET
    @Operation(operationId = "ApplicationsSubscriptions_GET", summary = "The app's AppTerminationNotificationSubscriptions (MEC 011 clause 7.2.3.3.1)")
    @APIResponse(responseCode = "200", description = "The subscriptions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionLinkList.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public SubscriptionLinkList list(@PathParam("appInstanceId") String appInstanceId) {
        return collection().linkList(subscriptions.ofApp(appInstanceId, SubscriptionKind.APP_TERMINATION), AppTerminationNotificationSubscription.TYPE);
    }

    /** ETSI GS MEC 011 clause 7.2.3.3.4, "ApplicationsSubscriptions_POST": 201 + Location. */
    @POST
    @Operation(operationId = "ApplicationsSubscriptions_POST", summary = "Subscribe to AppTerminationNotification (MEC 011 clause 7.2.3.3.4)")
    @APIResponse(responseCode = "201", description = "The subscription; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppTerminationNotificationSubscription.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response create(@PathParam("appInstanceId") String appInstanceId,
                           @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppTerminationNotificationSubscription.class))) AppTerminationNotificationSubscription request) {
        if (!AppTerminationNotificationSubscription.TYPE.equals(request.subscriptionType())) {
            throw ProblemException.badRequest("subscriptionType must be " + AppTerminationNotificationSubscription.TYPE);
        }
        if (request.appInstanceId() != null && !request.appInstanceId().equals(appInstanceId)) {
            throw ProblemException.badRequest("appInstanceId " + request.appInstanceId() + " differs from the URI's");
        }
        SubscriptionCollection collection = collection();
        StoredSubscription s = subscriptions.create(SubscriptionKind.APP_TERMINATION, appInstanceId,
                request.callbackReference(), id -> new AppTerminationNotificationSubscription(request.subscriptionType(),
                        request.callbackReference(), new SelfLinks(new LinkType(collection.href(id))), appInstanceId));
        return collection.created(s, AppTerminationNotificationSubscription.class);
    }

    /** ETSI GS MEC 011 clause 7.2.4.3.1, "ApplicationsSubscription_GET". */
    @GET
    @Path("{subscriptionId}")
    @Operation(operationId = "ApplicationsSubscription_GET", summary = "One subscription (MEC 011 clause 7.2.4.3.1)")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppTerminationNotificationSubscription.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public AppTerminationNotificationSubscription get(@PathParam("appInstanceId") String appInstanceId,
                                                      @PathParam("subscriptionId") String subscriptionId) {
        return JsonText.read(subscriptions.get(appInstanceId, SubscriptionKind.APP_TERMINATION, subscriptionId).bodyJson(),
                AppTerminationNotificationSubscription.class);
    }

    /** ETSI GS MEC 011 clause 7.2.4.3.5, "ApplicationsSubscription_DELETE". */
    @DELETE
    @Path("{subscriptionId}")
    @Operation(operationId = "ApplicationsSubscription_DELETE", summary = "Unsubscribe (MEC 011 clause 7.2.4.3.5)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response delete(@PathParam("appInstanceId") String appInstanceId,
                           @PathParam("subscriptionId") String subscriptionId) {
        subscriptions.delete(appInstanceId, SubscriptionKind.APP_TERMINATION, subscriptionId);
        return Response.noContent().build();
    }

    private SubscriptionCollection collection() {
        return new SubscriptionCollection(uriInfo.getAbsolutePath().toString());
    }
}

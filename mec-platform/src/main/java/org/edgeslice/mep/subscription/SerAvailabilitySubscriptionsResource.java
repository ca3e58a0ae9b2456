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
import org.edgeslice.contract.mec011.SelfLinks;
import org.edgeslice.contract.mec011.SerAvailabilityNotificationSubscription;
import org.edgeslice.contract.mec011.SubscriptionLinkList;
import org.edgeslice.mep.infrastructure.JsonText;
import org.edgeslice.mep.service.AvailabilityFilter;
import org.edgeslice.support.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code {apiRoot}/mec_service_mgmt/v1/applications/{appInstanceId}/subscriptions} of ETSI GS MEC 011. */
@Path("mec_service_mgmt/v1/applications/{appInstanceId}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SerAvailabilitySubscriptionsResource {

    @Inject
    Subscriptions subscriptions;

    @Context
    UriInfo uriInfo;

    /** ETSI GS MEC 011 clause 8.2.8.3.1, "AppSubscriptions_GET". */
    @GET
    @Operation(operationId = "AppSubscriptions_GET", summary = "The app's SerAvailabilityNotificationSubscriptions (MEC 011 clause 8.2.8.3.1)")
    @APIResponse(responseCode = "200", description = "The subscriptions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionLinkList.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public SubscriptionLinkList list(@PathParam("appInstanceId") String appInstanceId) {
        return collection().linkList(subscriptions.ofApp(appInstanceId, SubscriptionKind.SER_AVAILABILITY), SerAvailabilityNotificationSubscription.TYPE);
    }

    /** ETSI GS MEC 011 clause 8.2.8.3.4, "AppSubscriptions_POST": 201 + Location. */
    @POST
    @Operation(operationId = "AppSubscriptions_POST", summary = "Subscribe to service availability (MEC 011 clause 8.2.8.3.4)")
    @APIResponse(responseCode = "201", description = "The subscription; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SerAvailabilityNotificationSubscription.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response create(@PathParam("appInstanceId") String appInstanceId,
                           @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SerAvailabilityNotificationSubscription.class))) SerAvailabilityNotificationSubscription request) {
        if (!SerAvailabilityNotificationSubscription.TYPE.equals(request.subscriptionType())) {
            throw ProblemException.badRequest("subscriptionType must be " + SerAvailabilityNotificationSubscription.TYPE);
        }
        AvailabilityFilter.validate(request.filteringCriteria());
        SubscriptionCollection collection = collection();
        StoredSubscription s = subscriptions.create(SubscriptionKind.SER_AVAILABILITY, appInstanceId,
                request.callbackReference(), id -> new SerAvailabilityNotificationSubscription(request.subscriptionType(),
                        request.callbackReference(), new SelfLinks(new LinkType(collection.href(id))),
                        request.filteringCriteria()));
        return collection.created(s, SerAvailabilityNotificationSubscription.class);
    }

    /** ETSI GS MEC 011 clause 8.2.9.3.1, "AppSubscription_GET". */
    @GET
    @Path("{subscriptionId}")
    @Operation(operationId = "AppSubscription_GET", summary = "One subscription (MEC 011 clause 8.2.9.3.1)")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SerAvailabilityNotificationSubscription.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public SerAvailabilityNotificationSubscription get(@PathParam("appInstanceId") String appInstanceId,
                                                       @PathParam("subscriptionId") String subscriptionId) {
        return JsonText.read(subscriptions.get(appInstanceId, SubscriptionKind.SER_AVAILABILITY, subscriptionId).bodyJson(),
                SerAvailabilityNotificationSubscription.class);
    }

    /** ETSI GS MEC 011 clause 8.2.9.3.5, "AppSubscription_DELETE". */
    @DELETE
    @Path("{subscriptionId}")
    @Operation(operationId = "AppSubscription_DELETE", summary = "Unsubscribe (MEC 011 clause 8.2.9.3.5)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response delete(@PathParam("appInstanceId") String appInstanceId,
                           @PathParam("subscriptionId") String subscriptionId) {
        subscriptions.delete(appInstanceId, SubscriptionKind.SER_AVAILABILITY, subscriptionId);
        return Response.noContent().build();
    }

    private SubscriptionCollection collection() {
        return new SubscriptionCollection(uriInfo.getAbsolutePath().toString());
    }
}

package org.edgeslice.meo.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionInfo;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionRequest;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionType;
import org.edgeslice.contract.mec010.lcm.SubscriptionLinkList;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.lcm.LcmNotifications;
import org.edgeslice.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ETSI GS MEC 010-2 LCM subscriptions, {@code app_lcm/v1/subscriptions} (clause 7.4.7-7.4.8). */
@RequestScoped
@Path("app_lcm/v1/subscriptions")
@Tag(name = "app-lcm")
public class LcmSubscriptionsResource {

    @Inject
    LcmNotifications subscriptions;

    @Inject
    ApiRoot root;

    /**
     * ETSI GS MEC 010-2 clause 7.4.7.3.1, subscriptions POST. The type comes from the body's
     * {@code subscriptionType} (v3.x); the v2.1.1 query parameter is optional and must then agree.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppLcmSubscriptions_POST", summary = "Subscribe to LCM notifications")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LcmSubscriptionInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public Response create(@QueryParam("subscriptionType") String type, LcmSubscriptionRequest request) {
        if (type != null && request != null && request.subscriptionType() != LcmSubscriptionType.parseOrNull(type)) {
            throw ProblemException.badRequest("subscriptionType query parameter '" + type + "' differs from the body's");
        }
        LcmSubscriptionInfo info = subscriptions.subscribe(request);
        return Response.created(URI.create(info.links().self().href())).entity(info).type(MediaType.APPLICATION_JSON).build();
    }

    /** ETSI GS MEC 010-2 clause 7.4.7.3.2, subscriptions GET (optionally of one subscriptionType). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppLcmSubscriptions_GET", summary = "List LCM subscriptions")
    @APIResponse(responseCode = "200", description = "The subscriptions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionLinkList.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public SubscriptionLinkList list(@QueryParam("subscriptionType") String type) {
        LcmSubscriptionType wanted = type == null ? null : LcmSubscriptionType.parseOrNull(type);
        if (type != null && wanted == null) {
            throw ProblemException.badRequest("Unknown subscriptionType '" + type + "'");
        }
        return new SubscriptionLinkList(new SubscriptionLinkList.Links(new LinkType(root.href("app_lcm/v1/subscriptions")),
                subscriptions.subscriptions().stream().filter(s -> wanted == null || s.subscriptionType() == wanted)
                        .map(s -> new SubscriptionLinkList.Subscription(s.links().self().href(), s.subscriptionType()))
                        .toList()));
    }

    /** ETSI GS MEC 010-2 clause 7.4.8.3.2, individual subscription GET (the v2.1.1 query parameter is optional). */
    @GET
    @Path("{subscriptionId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppLcmSubscription_GET", summary = "Read an LCM subscription")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LcmSubscriptionInfo.class)))
    @APIResponse(responseCode = "404", ref = "404")
    public LcmSubscriptionInfo get(@PathParam("subscriptionId") String id, @QueryParam("subscriptionType") String type) {
        return subscriptions.subscription(id);
    }

    /** ETSI GS MEC 010-2 clause 7.4.8.3.5, individual subscription DELETE. */
    @DELETE
    @Path("{subscriptionId}")
    @Operation(operationId = "AppLcmSubscription_DELETE", summary = "Delete an LCM subscription")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "404")
    public Response delete(@PathParam("subscriptionId") String id) {
        subscriptions.unsubscribe(id);
        return Response.noContent().build();
    }
}

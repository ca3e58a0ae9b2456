package org.edgeslice.mepm.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionInfo;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionRequest;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionType;
import org.edgeslice.contract.mec010.lcm.SubscriptionLinkList;
import org.edgeslice.support.json.Json;
import org.edgeslice.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code {apiRoot}/app_lcm/v1/subscriptions} of the MEPM: how the MEO hears of every state change on this host. */
@Path("app_lcm/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionsResource {

    @Inject
    SubscriptionRepository subscriptions;

    @Context
    UriInfo uriInfo;

    private String self(String id) {
        return uriInfo.getBaseUri() + "app_lcm/v1/subscriptions/" + id;
    }

    /** ETSI GS MEC 010-2 clause 7.4.9.3.4 (v3.x), Subscriptions POST. */
    @POST
    @Operation(operationId = "AppLcmSubscriptions_POST", summary = "Subscribe to LCM notifications")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LcmSubscriptionInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public Response create(LcmSubscriptionRequest request) {
        if (request == null || request.callbackUri() == null) {
            throw ProblemException.badRequest("subscriptionType and callbackUri are required");
        }
        URI callback;
        try {
            callback = URI.create(request.callbackUri());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("callbackUri is not a URI: " + request.callbackUri());
        }
        if (!callback.isAbsolute() || !("http".equals(callback.getScheme()) || "https".equals(callback.getScheme()))) {
            throw ProblemException.badRequest("callbackUri must be an absolute http(s) URI");
        }
        String json;
        try {
            json = Json.mapper().writeValueAsString(request);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        // The MEO subscribes again at every host registration: the same subscription is not made twice (that would
        // double every notification); the existing one is returned.
        for (SubscriptionEntity existing : subscriptions.findAll()) {
            if (existing.requestJson.equals(json)) {
                return Response.created(URI.create(self(existing.id))).entity(info(existing)).build();
            }
        }
        SubscriptionEntity e = new SubscriptionEntity();
        e.id = UUID.randomUUID().toString();
        e.subscriptionType = request.subscriptionType().name();
        e.callbackUri = request.callbackUri();
        e.requestJson = json;
        e.createdAt = System.currentTimeMillis();
        subscriptions.insert(e);
        return Response.created(URI.create(self(e.id))).entity(info(e)).build();
    }

    /** ETSI GS MEC 010-2 clause 7.4.9.3.1, Subscriptions GET: the SubscriptionLinkList. */
    @GET
    @Operation(operationId = "AppLcmSubscriptions_GET", summary = "List the subscriptions")
    @APIResponse(responseCode = "200", description = "The subscriptions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionLinkList.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public SubscriptionLinkList list() {
        return new SubscriptionLinkList(new SubscriptionLinkList.Links(
                new LinkType(uriInfo.getBaseUri() + "app_lcm/v1/subscriptions"),
                subscriptions.findAll().stream().map(s -> new SubscriptionLinkList.Subscription(self(s.id),
                        LcmSubscriptionType.valueOf(s.subscriptionType))).toList()));
    }

    /** ETSI GS MEC 010-2 clause 7.4.10.3.1, Subscription GET. */
    @GET
    @Path("{subscriptionId}")
    @Operation(operationId = "AppLcmSubscription_GET", summary = "Retrieve a subscription")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LcmSubscriptionInfo.class)))
    @APIResponse(responseCode = "404", ref = "UnknownSubscription")
    public LcmSubscriptionInfo get(@PathParam("subscriptionId") String id) {
        return info(subscriptions.find(id).orElseThrow(() -> ProblemException.notFound("no subscription " + id)));
    }

    /** ETSI GS MEC 010-2 clause 7.4.10.3.5, Subscription DELETE. */
    @DELETE
    @Path("{subscriptionId}")
    @Operation(operationId = "AppLcmSubscription_DELETE", summary = "Delete a subscription")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "UnknownSubscription")
    public Response delete(@PathParam("subscriptionId") String id) {
        if (!subscriptions.delete(id)) {
            throw ProblemException.notFound("no subscription " + id);
        }
        return Response.noContent().build();
    }

    private LcmSubscriptionInfo info(SubscriptionEntity s) {
        LcmSubscriptionRequest r = Notifier.parse(s);
        return new LcmSubscriptionInfo(s.id, r.subscriptionType(), s.callbackUri,
                r instanceof LcmSubscriptionRequest.AppInstSubscriptionRequest a ? a.appInstanceState() : null,
                r instanceof LcmSubscriptionRequest.AppLcmOpOccSubscriptionRequest ? null : r.appInstanceSubscriptionFilter(),
                r instanceof LcmSubscriptionRequest.AppLcmOpOccSubscriptionRequest o ? o.appLcmOpOccSubscriptionFilter() : null,
                new LcmSubscriptionInfo.Links(new LinkType(self(s.id))));
    }
}

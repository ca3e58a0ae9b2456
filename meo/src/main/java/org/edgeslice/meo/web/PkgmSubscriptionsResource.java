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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.mec010.pkgm.AppPkgSubscription;
import org.edgeslice.contract.mec010.pkgm.AppPkgSubscriptionInfo;
import org.edgeslice.contract.mec010.pkgm.AppPkgSubscriptionLinkList;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.pkgm.PackageService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ETSI GS MEC 010-2 app package subscriptions, {@code app_pkgm/v1/subscriptions} (clause 7.3.5-7.3.6). */
@RequestScoped
@Path("app_pkgm/v1/subscriptions")
@Tag(name = "app-pkgm")
public class PkgmSubscriptionsResource {

    @Inject
    PackageService packages;

    @Inject
    ApiRoot root;

    /** ETSI GS MEC 010-2 clause 7.3.5.3.1, subscriptions POST (accepts subsctiptionType and v2.1.1 type names). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppPkgSubscriptions_POST", summary = "Subscribe to package notifications")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppPkgSubscriptionInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public Response create(AppPkgSubscription request) {
        AppPkgSubscriptionInfo info = packages.subscribe(request);
        return Response.created(URI.create(info.links().self().href())).entity(info).type(MediaType.APPLICATION_JSON).build();
    }

    /** ETSI GS MEC 010-2 clause 7.3.5.3.2, subscriptions GET: the link list. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppPkgSubscriptions_GET", summary = "List package subscriptions")
    @APIResponse(responseCode = "200", description = "The subscriptions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppPkgSubscriptionLinkList.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public AppPkgSubscriptionLinkList list() {
        return new AppPkgSubscriptionLinkList(new AppPkgSubscriptionLinkList.Links(
                new LinkType(root.href("app_pkgm/v1/subscriptions")),
                packages.subscriptions().stream().map(s -> new AppPkgSubscriptionLinkList.Subscription(
                        s.links().self().href(), s.subscriptionType())).toList()));
    }

    /** ETSI GS MEC 010-2 clause 7.3.6.3.2, individual subscription GET. */
    @GET
    @Path("{subscriptionId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppPkgSubscription_GET", summary = "Read a package subscription")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppPkgSubscriptionInfo.class)))
    @APIResponse(responseCode = "404", ref = "404")
    public AppPkgSubscriptionInfo get(@PathParam("subscriptionId") String id) {
        return packages.subscription(id);
    }

    /** ETSI GS MEC 010-2 clause 7.3.6.3.5, individual subscription DELETE. */
    @DELETE
    @Path("{subscriptionId}")
    @Operation(operationId = "AppPkgSubscription_DELETE", summary = "Delete a package subscription")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "404")
    public Response delete(@PathParam("subscriptionId") String id) {
        packages.unsubscribe(id);
        return Response.noContent().build();
    }
}

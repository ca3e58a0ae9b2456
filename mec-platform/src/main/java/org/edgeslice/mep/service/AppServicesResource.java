package org.edgeslice.mep.service;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.edgeslice.contract.mec011.ServiceInfo;
import org.edgeslice.contract.mec011.ServiceInfoPost;
import org.edgeslice.mep.rules.Versioned;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code {apiRoot}/mec_service_mgmt/v1/applications/{appInstanceId}/services} of ETSI GS MEC 011. */
@Path("mec_service_mgmt/v1/applications/{appInstanceId}/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppServicesResource {

    @Inject
    ServiceRegistry registry;

    @Context
    UriInfo uriInfo;

    /** ETSI GS MEC 011 clause 8.2.6.3.1, "AppServices_GET": the app's services, with the discovery query. */
    @GET
    @Operation(operationId = "AppServices_GET", summary = "The services an app produces (MEC 011 clause 8.2.6.3.1)")
    @APIResponse(responseCode = "200", description = "The app's matching services",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public List<ServiceInfo> list(@PathParam("appInstanceId") String appInstanceId,
                                  @QueryParam("ser_instance_id") List<String> serInstanceId,
                                  @QueryParam("ser_name") List<String> serName,
                                  @QueryParam("ser_category_id") List<String> serCategoryId,
                                  @QueryParam("consumed_local_only") String consumedLocalOnly,
                                  @QueryParam("is_local") String isLocal,
                                  @QueryParam("scope_of_locality") String scopeOfLocality) {
        return registry.ofApp(appInstanceId, ServiceQuery.parse(serInstanceId, serName, serCategoryId,
                consumedLocalOnly, isLocal, scopeOfLocality));
    }

    /** ETSI GS MEC 011 clause 8.2.6.3.4, "AppServices_POST": 201 + Location; serInstanceId assigned here. */
    @POST
    @Operation(operationId = "AppServices_POST", summary = "Register a service (MEC 011 clause 8.2.6.3.4)")
    @APIResponse(responseCode = "201", description = "The service; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response create(@PathParam("appInstanceId") String appInstanceId,
                           @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceInfoPost.class))) ServiceInfoPost post) {
        ServiceInfo created = registry.create(appInstanceId, post, uriInfo.getBaseUri().toString());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.serInstanceId()).build())
                .entity(created).header(HttpHeaders.ETAG, "\"1\"").build();
    }

    /** ETSI GS MEC 011 clause 8.2.7.3.1, "AppService_GET", with its strong ETag. */
    @GET
    @Path("{serviceId}")
    @Operation(operationId = "AppService_GET", summary = "One of the app's services (MEC 011 clause 8.2.7.3.1); ETag")
    @APIResponse(responseCode = "200", description = "The service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response get(@PathParam("appInstanceId") String appInstanceId, @PathParam("serviceId") String serviceId) {
        Versioned<ServiceInfo> s = registry.getOwn(appInstanceId, serviceId);
        return Response.ok(s.body()).header(HttpHeaders.ETAG, s.etag()).build();
    }

    /** ETSI GS MEC 011 clause 8.2.7.3.2, "AppService_PUT": 412 when If-Match does not match. */
    @PUT
    @Path("{serviceId}")
    @Operation(operationId = "AppService_PUT", summary = "Replace a service (MEC 011 clause 8.2.7.3.2); If-Match")
    @APIResponse(responseCode = "200", description = "The updated service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "412", ref = "412")
    public Response put(@PathParam("appInstanceId") String appInstanceId, @PathParam("serviceId") String serviceId,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceInfo.class))) ServiceInfo info) {
        Versioned<ServiceInfo> s = registry.replace(appInstanceId, serviceId, info, ifMatch,
                uriInfo.getBaseUri().toString());
        return Response.ok(s.body()).header(HttpHeaders.ETAG, s.etag()).build();
    }

    /** ETSI GS MEC 011 clause 8.2.7.3.5, "AppService_DELETE". */
    @DELETE
    @Path("{serviceId}")
    @Operation(operationId = "AppService_DELETE", summary = "Remove a service (MEC 011 clause 8.2.7.3.5)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response delete(@PathParam("appInstanceId") String appInstanceId, @PathParam("serviceId") String serviceId) {
        registry.delete(appInstanceId, serviceId);
        return Response.noContent().build();
    }
}

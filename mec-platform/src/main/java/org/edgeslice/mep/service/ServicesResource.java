package org.edgeslice.mep.service;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.edgeslice.contract.mec011.ServiceInfo;
import org.edgeslice.contract.mec011.ServiceLivenessInfo;
import org.edgeslice.contract.mec011.ServiceLivenessUpdate;
import org.edgeslice.mep.security.Callers;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code {apiRoot}/mec_service_mgmt/v1/services} of ETSI GS MEC 011: discovery for every authenticated app, and
 * the liveness resource the platform allocates to a service with a livenessInterval (v2.2.1+), for its producer.
 */
@Path("mec_service_mgmt/v1/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {

    @Inject
    ServiceRegistry registry;

    @Context
    SecurityContext security;

    /** ETSI GS MEC 011 clause 8.2.3.3.1, "Services_GET": every standard query parameter, others are a 400. */
    @GET
    @Operation(operationId = "Services_GET", summary = "Discover services (MEC 011 clause 8.2.3.3.1)")
    @APIResponse(responseCode = "200", description = "The matching services",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    public List<ServiceInfo> discover(@QueryParam("ser_instance_id") List<String> serInstanceId,
                                      @QueryParam("ser_name") List<String> serName,
                                      @QueryParam("ser_category_id") List<String> serCategoryId,
                                      @QueryParam("consumed_local_only") String consumedLocalOnly,
                                      @QueryParam("is_local") String isLocal,
                                      @QueryParam("scope_of_locality") String scopeOfLocality) {
        return registry.discover(ServiceQuery.parse(serInstanceId, serName, serCategoryId, consumedLocalOnly, isLocal,
                scopeOfLocality));
    }

    /** ETSI GS MEC 011 clause 8.2.4.3.1, "Service_GET". */
    @GET
    @Path("{serviceId}")
    @Operation(operationId = "Service_GET", summary = "One service (MEC 011 clause 8.2.4.3.1)")
    @APIResponse(responseCode = "200", description = "The service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "404", ref = "404")
    public ServiceInfo get(@PathParam("serviceId") String serviceId) {
        return registry.get(serviceId);
    }

    /** ETSI GS MEC 011 v2.2.1+ clause 8.2.10.3.1, liveness GET (the URI is {@code _links.liveness}). */
    @GET
    @Path("{serviceId}/liveness")
    @Operation(operationId = "ServiceLiveness_GET", summary = "A service's liveness (MEC 011 v2.2.1+ clause 8.2.10.3.1)")
    @APIResponse(responseCode = "200", description = "The liveness",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceLivenessInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public ServiceLivenessInfo liveness(@PathParam("serviceId") String serviceId) {
        return registry.liveness(Callers.appInstanceId(security), serviceId);
    }

    /** ETSI GS MEC 011 v2.2.1+ clause 8.2.10.3.3, liveness PATCH: a heartbeat; answers 200 with the liveness. */
    @PATCH
    @Path("{serviceId}/liveness")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ServiceLiveness_PATCH", summary = "A liveness heartbeat (MEC 011 v2.2.1+ clause 8.2.10.3.3)")
    @APIResponse(responseCode = "200", description = "The liveness after the heartbeat",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceLivenessInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public ServiceLivenessInfo heartbeat(@PathParam("serviceId") String serviceId,
                                         @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceLivenessUpdate.class))) ServiceLivenessUpdate update) {
        return registry.heartbeat(Callers.appInstanceId(security), serviceId, update);
    }
}

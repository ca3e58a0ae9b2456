package org.edgeslice.mep.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.edgeslice.contract.mec011.AppInfo;
import org.edgeslice.mep.security.Callers;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code {apiRoot}/mec_app_support/v2/registrations} of ETSI GS MEC 011 v3.x: an app registers before anything else. */
@Path("mec_app_support/v2/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationsResource {

    @Inject
    AppLifecycle lifecycle;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    /** ETSI GS MEC 011 v3.x clause 7.2.13.3.4, "AppRegistrations_POST": registers the calling app instance. */
    @POST
    @Operation(operationId = "AppRegistrations_POST", summary = "Register the calling app (MEC 011 v3.x clause 7.2.13.3.4)")
    @APIResponse(responseCode = "201", description = "The registration; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response register(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppInfo.class))) AppInfo info) {
        String caller = Callers.appInstanceId(security);
        AppInfo registered = lifecycle.register(caller, info);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(caller).build()).entity(registered).build();
    }

    /** ETSI GS MEC 011 v3.x clause 7.2.14.3.1, "AppRegistration_GET". */
    @GET
    @Path("{appInstanceId}")
    @Operation(operationId = "AppRegistration_GET", summary = "Read an app's registration (MEC 011 v3.x clause 7.2.14.3.1)")
    @APIResponse(responseCode = "200", description = "The registration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public AppInfo get(@PathParam("appInstanceId") String appInstanceId) {
        return lifecycle.registration(appInstanceId);
    }

    /** ETSI GS MEC 011 v3.x clause 7.2.14.3.2, "AppRegistration_PUT". */
    @PUT
    @Path("{appInstanceId}")
    @Operation(operationId = "AppRegistration_PUT", summary = "Update an app's registration (MEC 011 v3.x clause 7.2.14.3.2)")
    @APIResponse(responseCode = "204", description = "Updated")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response update(@PathParam("appInstanceId") String appInstanceId, @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppInfo.class))) AppInfo info) {
        lifecycle.updateRegistration(appInstanceId, info);
        return Response.noContent().build();
    }

    /** ETSI GS MEC 011 v3.x clause 7.2.14.3.5, "AppRegistration_DELETE". */
    @DELETE
    @Path("{appInstanceId}")
    @Operation(operationId = "AppRegistration_DELETE", summary = "Deregister an app (MEC 011 v3.x clause 7.2.14.3.5)")
    @APIResponse(responseCode = "204", description = "Deregistered")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "401", ref = "401")
    @APIResponse(responseCode = "403", ref = "403")
    @APIResponse(responseCode = "404", ref = "404")
    public Response deregister(@PathParam("appInstanceId") String appInstanceId) {
        lifecycle.deregister(appInstanceId);
        return Response.noContent().build();
    }
}

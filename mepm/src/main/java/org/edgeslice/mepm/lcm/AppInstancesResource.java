package org.edgeslice.mepm.lcm;

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
import java.util.List;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.ProblemDetailsMediaType;
import org.edgeslice.contract.mec010.lcm.AppInstanceInfo;
import org.edgeslice.contract.mec010.lcm.CreateAppInstanceRequest;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.OperateAppRequest;
import org.edgeslice.contract.mec010.lcm.TerminateAppRequest;
import org.edgeslice.mepm.config.MepmSettings;
import org.edgeslice.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code {apiRoot}/app_lcm/v1/app_instances} of the MEPM: the Mm3 lifecycle the MEO delegates (ETSI GS MEC 010-2 clause 7.4). */
@Path("app_lcm/v1/app_instances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppInstancesResource {

    @Inject
    LcmService lcm;

    @Inject
    MepmSettings settings;

    @Context
    UriInfo uriInfo;

    private String root() {
        return uriInfo.getBaseUri().toString();
    }

    private AppInstanceInfo view(AppInstanceEntity e) {
        return LcmViews.info(e, root(), settings.hostId(), settings.hostName());
    }

    private Response accepted(OpOccEntity op) {
        return Response.accepted().location(URI.create(root() + "app_lcm/v1/app_lcm_op_occs/" + op.id)).build();
    }

    /**
     * ETSI GS MEC 010-2 clause 7.4.2.3.4, AppInstances POST: creates the app instance resource
     * (NOT_INSTANTIATED). On Mm3 the body may carry the MEO's {@code appInstanceId}, which is adopted.
     */
    @POST
    @Operation(operationId = "AppInstances_POST", summary = "Create an app instance resource")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppInstanceInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "409", description = "Id taken or AppD not onboarded",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public Response create(CreateAppInstanceRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("a CreateAppInstanceRequest body is required");
        }
        AppInstanceEntity e = lcm.create(request);
        return Response.created(URI.create(root() + "app_lcm/v1/app_instances/" + e.id)).entity(view(e)).build();
    }

    /** ETSI GS MEC 010-2 clause 7.4.2.3.1, AppInstances GET: the app instances on this host. */
    @GET
    @Operation(operationId = "AppInstances_GET", summary = "Retrieve the app instances on this host")
    @APIResponse(responseCode = "200", description = "The app instances",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AppInstanceInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public List<AppInstanceInfo> list() {
        return lcm.instances().stream().map(this::view).toList();
    }

    /** ETSI GS MEC 010-2 clause 7.4.3.3.1, AppInstance GET. */
    @GET
    @Path("{appInstanceId}")
    @Operation(operationId = "AppInstance_GET", summary = "Retrieve an app instance")
    @APIResponse(responseCode = "200", description = "The app instance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppInstanceInfo.class)))
    @APIResponse(responseCode = "404", ref = "UnknownAppInstance")
    public AppInstanceInfo get(@PathParam("appInstanceId") String id) {
        return view(lcm.instance(id));
    }

    /** ETSI GS MEC 010-2 clause 7.4.3.3.5, AppInstance DELETE: only a NOT_INSTANTIATED instance. */
    @DELETE
    @Path("{appInstanceId}")
    @Operation(operationId = "AppInstance_DELETE", summary = "Delete an app instance resource")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "UnknownAppInstance")
    @APIResponse(responseCode = "409", description = "Instance is INSTANTIATED or busy",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public Response delete(@PathParam("appInstanceId") String id) {
        lcm.delete(id);
        return Response.noContent().build();
    }

    /** ETSI GS MEC 010-2 clause 7.4.4.3.4, InstantiateApp POST: 202 with the Location of the op occurrence. */
    @POST
    @Path("{appInstanceId}/instantiate")
    @Operation(operationId = "AppInstanceInstantiate_POST", summary = "Instantiate the app on this host")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the app_lcm_op_occs resource")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "UnknownAppInstance")
    @APIResponse(responseCode = "409", ref = "TaskConflict")
    public Response instantiate(@PathParam("appInstanceId") String id, InstantiateAppRequest request) {
        return accepted(lcm.instantiate(id, request != null ? request
                : new InstantiateAppRequest(null, null, null, null, null, null, null)));
    }

    /** ETSI GS MEC 010-2 clause 7.4.5.3.4, TerminateApp POST (graceful: MEC 011 termination handshake first). */
    @POST
    @Path("{appInstanceId}/terminate")
    @Operation(operationId = "AppInstanceTerminate_POST", summary = "Terminate the app on this host")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the app_lcm_op_occs resource")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "UnknownAppInstance")
    @APIResponse(responseCode = "409", ref = "TaskConflict")
    public Response terminate(@PathParam("appInstanceId") String id, TerminateAppRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("a TerminateAppRequest body is required");
        }
        return accepted(lcm.terminate(id, request));
    }

    /** ETSI GS MEC 010-2 clause 7.4.6.3.4, OperateApp POST: STARTED ⇄ STOPPED. */
    @POST
    @Path("{appInstanceId}/operate")
    @Operation(operationId = "AppInstanceOperate_POST", summary = "Start or stop the app")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the app_lcm_op_occs resource")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "UnknownAppInstance")
    @APIResponse(responseCode = "409", ref = "TaskConflict")
    public Response operate(@PathParam("appInstanceId") String id, OperateAppRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("an OperateAppRequest body is required");
        }
        return accepted(lcm.operate(id, request));
    }

    /**
     * ETSI GS MEC 010-2 v3.x ConfigPlatformForApp POST: the AppD's traffic rules, DNS rules, services and the
     * app's credentials pushed to the MEC platform again (Mm5). 202 with the Location of the app instance.
     */
    @POST
    @Path("{appInstanceId}/configure_platform_for_app")
    @Operation(operationId = "AppInstanceConfigurePlatformForApp_POST", summary = "Push the app's platform configuration again")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the app instance")
    @APIResponse(responseCode = "404", ref = "UnknownAppInstance")
    @APIResponse(responseCode = "409", description = "Instance is NOT_INSTANTIATED",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public Response configurePlatform(@PathParam("appInstanceId") String id) {
        lcm.configurePlatform(id);
        return Response.accepted().location(URI.create(root() + "app_lcm/v1/app_instances/" + id)).build();
    }
}

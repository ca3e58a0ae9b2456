package org.edgeslice.meo.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import java.util.List;
import java.util.Set;
import org.edgeslice.contract.mec010.lcm.AppInstanceInfo;
import org.edgeslice.contract.mec010.lcm.CreateAppInstanceRequest;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.OperateAppRequest;
import org.edgeslice.contract.mec010.lcm.TerminateAppRequest;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.lcm.AppInstance;
import org.edgeslice.meo.lcm.LcmOrchestrator;
import org.edgeslice.meo.lcm.OpOcc;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ETSI GS MEC 010-2 application lifecycle management: app instances and their tasks (clause 7.4.2-7.4.6). */
@RequestScoped
@Path("app_lcm/v1/app_instances")
@Tag(name = "app-lcm")
public class AppInstancesResource {

    @Inject
    LcmOrchestrator lcm;

    @Inject
    ApiRoot root;

    @Inject
    RenderedInstances rendered;

    /** ETSI GS MEC 010-2 clause 7.4.2.3.1, app_instances POST: create an app instance resource (NOT_INSTANTIATED). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppInstances_POST", summary = "Create an application instance resource")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppInstanceInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public Response create(CreateAppInstanceRequest request) {
        AppInstance i = lcm.create(request);
        return Response.created(URI.create(root.href("app_lcm/v1/app_instances/" + i.id())))
                .entity(Representations.instance(i, root)).type(MediaType.APPLICATION_JSON).build();
    }

    /**
     * ETSI GS MEC 010-2 clause 7.4.2.3.2, app_instances GET, with the attribute selectors. {@code page} and
     * {@code size} are tolerated (some clients send them) and ignored: the collection is returned whole.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppInstances_GET", summary = "Query application instances")
    @APIResponse(responseCode = "200", description = "The instances", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AppInstanceInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public Response list(@BeanParam Selectors selectors, @QueryParam("page") String page, @QueryParam("size") String size) {
        // the read model and the rendered JSON of each instance (both cached per version of the instance) keep
        // this at a concatenation when no selector is given
        List<RenderedInstances.Rendered> items = rendered.of(lcm.instances(), root);
        if (selectors.none()) {
            return Response.ok(RenderedInstances.array(items), MediaType.APPLICATION_JSON).build();
        }
        ArrayNode out = selectors.applyToTrees(items.stream().map(RenderedInstances.Rendered::tree).toList(), Set.of());
        return Response.ok(out, MediaType.APPLICATION_JSON).build();
    }

    /** ETSI GS MEC 010-2 clause 7.4.3.3.2, individual app instance GET. */
    @GET
    @Path("{appInstanceId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppInstance_GET", summary = "Read an application instance")
    @APIResponse(responseCode = "200", description = "The instance", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppInstanceInfo.class)))
    @APIResponse(responseCode = "404", ref = "404")
    public AppInstanceInfo get(@PathParam("appInstanceId") String id) {
        return Representations.instance(lcm.instance(id), root);
    }

    /** ETSI GS MEC 010-2 clause 7.4.3.3.5, individual app instance DELETE: 409 unless NOT_INSTANTIATED. */
    @DELETE
    @Path("{appInstanceId}")
    @Operation(operationId = "AppInstance_DELETE", summary = "Delete an application instance resource")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public Response delete(@PathParam("appInstanceId") String id) {
        lcm.delete(id);
        return Response.noContent().build();
    }

    /** ETSI GS MEC 010-2 clause 7.4.4.3.1, instantiate task POST: 202 + Location of the op occurrence. */
    @POST
    @Path("{appInstanceId}/instantiate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppInstanceInstantiate_POST", summary = "Instantiate an application instance")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the op occurrence")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public Response instantiate(@PathParam("appInstanceId") String id, InstantiateAppRequest request) {
        return accepted(lcm.instantiate(id, request));
    }

    /** ETSI GS MEC 010-2 clause 7.4.5.3.1, terminate task POST (FORCEFUL or GRACEFUL with timeout). */
    @POST
    @Path("{appInstanceId}/terminate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppInstanceTerminate_POST", summary = "Terminate an application instance")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the op occurrence")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public Response terminate(@PathParam("appInstanceId") String id, TerminateAppRequest request) {
        return accepted(lcm.terminate(id, request));
    }

    /** ETSI GS MEC 010-2 clause 7.4.6.3.1, operate task POST (STARTED / STOPPED). */
    @POST
    @Path("{appInstanceId}/operate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppInstanceOperate_POST", summary = "Start or stop an application instance")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the op occurrence")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public Response operate(@PathParam("appInstanceId") String id, OperateAppRequest request) {
        return accepted(lcm.operate(id, request));
    }

    private Response accepted(OpOcc op) {
        return Response.accepted().location(URI.create(root.href("app_lcm/v1/app_lcm_op_occs/" + op.id()))).build();
    }
}

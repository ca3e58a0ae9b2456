package org.edgeslice.meo.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.edgeslice.contract.mec010.lcm.AppLcmOpOcc;
import org.edgeslice.contract.mec010.lcm.CancelMode;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.lcm.LcmOrchestrator;
import org.edgeslice.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ETSI GS MEC 010-2 LCM operation occurrences and their error handling tasks (clause 7.4.9-7.4.13). */
@RequestScoped
@Path("app_lcm/v1/app_lcm_op_occs")
@Tag(name = "app-lcm")
public class OpOccsResource {

    static final Set<String> DEFAULT_EXCLUDED = Set.of("operationParams", "error");

    @Inject
    LcmOrchestrator lcm;

    @Inject
    ApiRoot root;

    /** ETSI GS MEC 010-2 clause 7.4.9.3.2, app_lcm_op_occs GET, with the attribute selectors. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppLcmOpOccs_GET", summary = "Query LCM operation occurrences")
    @APIResponse(responseCode = "200", description = "The op occurrences", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AppLcmOpOcc.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public ArrayNode list(@BeanParam Selectors selectors) {
        return selectors.apply(lcm.ops().stream().map(o -> Representations.op(o, root)).toList(), DEFAULT_EXCLUDED);
    }

    /** ETSI GS MEC 010-2 clause 7.4.10.3.2, individual app_lcm_op_occs GET. */
    @GET
    @Path("{appLcmOpOccId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppLcmOpOcc_GET", summary = "Read an LCM operation occurrence")
    @APIResponse(responseCode = "200", description = "The op occurrence", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppLcmOpOcc.class)))
    @APIResponse(responseCode = "404", ref = "404")
    public AppLcmOpOcc get(@PathParam("appLcmOpOccId") String id) {
        return Representations.op(lcm.op(id), root);
    }

    /** ETSI GS MEC 010-2 v3.x clause 7.4.11.3.1, cancel task POST: 202 (only while STARTING/PROCESSING, else 409). */
    @POST
    @Path("{appLcmOpOccId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppLcmOpOccCancel_POST", summary = "Cancel an LCM operation occurrence")
    @APIResponse(responseCode = "202", description = "Accepted")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public Response cancel(@PathParam("appLcmOpOccId") String id, CancelMode mode) {
        if (mode == null || mode.cancelMode() == null) {
            throw ProblemException.badRequest("'cancelMode' (GRACEFUL or FORCEFUL) is required");
        }
        lcm.cancel(id, mode.cancelMode());
        return Response.accepted().location(URI.create(root.href("app_lcm/v1/app_lcm_op_occs/" + id))).build();
    }

    /** ETSI GS MEC 010-2 v3.x clause 7.4.12.3.1, fail task POST: FAILED_TEMP -> FAILED, 200 with the op occurrence. */
    @POST
    @Path("{appLcmOpOccId}/fail")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppLcmOpOccFail_POST", summary = "Mark an LCM operation occurrence as finally failed")
    @APIResponse(responseCode = "200", description = "Failed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppLcmOpOcc.class)))
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public AppLcmOpOcc fail(@PathParam("appLcmOpOccId") String id) {
        return Representations.op(lcm.fail(id), root);
    }

    /** ETSI GS MEC 010-2 v3.x clause 7.4.13.3.1, retry task POST: FAILED_TEMP -> PROCESSING, 202. */
    @POST
    @Path("{appLcmOpOccId}/retry")
    @Operation(operationId = "AppLcmOpOccRetry_POST", summary = "Retry an LCM operation occurrence")
    @APIResponse(responseCode = "202", description = "Accepted")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public Response retry(@PathParam("appLcmOpOccId") String id) {
        lcm.retry(id);
        return Response.accepted().location(URI.create(root.href("app_lcm/v1/app_lcm_op_occs/" + id))).build();
    }
}

package org.edgeslice.mepm.lcm;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.ProblemDetailsMediaType;
import org.edgeslice.contract.mec010.lcm.AppLcmOpOcc;
import org.edgeslice.contract.mec010.lcm.CancelMode;
import org.edgeslice.contract.mec010.lcm.OperationState;
import org.edgeslice.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code {apiRoot}/app_lcm/v1/app_lcm_op_occs}: the MEPM's own operation occurrences. */
@Path("app_lcm/v1/app_lcm_op_occs")
@Produces(MediaType.APPLICATION_JSON)
public class OpOccsResource {

    @Inject
    LcmService lcm;

    @Inject
    LcmRunner runner;

    @Context
    UriInfo uriInfo;

    /** ETSI GS MEC 010-2 clause 7.4.7.3.1 (v3.x numbering varies), AppLcmOpOccs GET. */
    @GET
    @Operation(operationId = "AppLcmOpOccs_GET", summary = "Retrieve the operation occurrences")
    @APIResponse(responseCode = "200", description = "The operation occurrences",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AppLcmOpOcc.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public List<AppLcmOpOcc> list() {
        String root = uriInfo.getBaseUri().toString();
        return lcm.ops().stream().map(o -> LcmViews.opOcc(o, root, runner.cancelPending(o.id))).toList();
    }

    /** ETSI GS MEC 010-2 clause 7.4.8.3.1, AppLcmOpOcc GET. */
    @GET
    @Path("{appLcmOpOccId}")
    @Operation(operationId = "AppLcmOpOcc_GET", summary = "Retrieve an operation occurrence")
    @APIResponse(responseCode = "200", description = "The operation occurrence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppLcmOpOcc.class)))
    @APIResponse(responseCode = "404", ref = "UnknownOpOcc")
    public AppLcmOpOcc get(@PathParam("appLcmOpOccId") String id) {
        return LcmViews.opOcc(lcm.op(id), uriInfo.getBaseUri().toString(), runner.cancelPending(id));
    }

    /**
     * ETSI GS MEC 010-2 v3.x clause 7.4.11.3.1, AppLcmOpOcc cancel POST: an operation in STARTING or PROCESSING
     * stops at its next step or wait and is rolled back; it ends FAILED with error title "Operation cancelled".
     */
    @POST
    @Path("{appLcmOpOccId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppLcmOpOccCancel_POST", summary = "Cancel an operation in progress")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the operation occurrence")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "UnknownOpOcc")
    @APIResponse(responseCode = "409", description = "The operation is not in STARTING or PROCESSING",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public Response cancel(@PathParam("appLcmOpOccId") String id, CancelMode mode) {
        OpOccEntity op = lcm.op(id);
        if (op.state.isFinal() || op.state == OperationState.FAILED_TEMP) {
            throw ProblemException.conflict("operation " + id + " is " + op.state + ": nothing to cancel");
        }
        runner.cancel(id);
        return Response.accepted().location(java.net.URI.create(uriInfo.getBaseUri() + "app_lcm/v1/app_lcm_op_occs/" + id)).build();
    }
}

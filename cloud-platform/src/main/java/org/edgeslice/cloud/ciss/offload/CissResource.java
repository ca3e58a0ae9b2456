package org.edgeslice.cloud.ciss.offload;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.ProblemDetailsMediaType;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.edgeslice.cloud.infrastructure.CallbackBase;
import org.edgeslice.cloud.infrastructure.CloudSettings;
import org.edgeslice.contract.cloud.OffloadRequest;
import org.edgeslice.contract.cloud.TaskInfo;
import org.edgeslice.support.problem.ProblemException;

/** The CISS offloading API (project API, steps 09-11 and the final sync of a release). */
@Path("ciss/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CissResource {

    @Inject
    OffloadService offloads;

    @Inject
    CloudSettings settings;

    @Context
    UriInfo uriInfo;

    /** Project API, step 10: offload tasks into a slice and set up their synchronisation. */
    @POST
    @Path("offloads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "Offloads_POST", summary = "Steps 09-10: offload tasks into a slice")
    @APIResponse(responseCode = "200", description = "The tasks, OFFLOADED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TaskInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", description = "Unknown task path",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "409", description = "A task is offloaded to another slice",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "502", description = "The slice refused or is unreachable",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public List<TaskInfo> offload(OffloadRequest request) {
        return offloads.offload(request, CallbackBase.of(uriInfo, settings));
    }

    /** Project API: the offloaded tasks, optionally of one slice. */
    @GET
    @Path("tasks")
    @Operation(operationId = "Tasks_GET", summary = "Offloaded tasks")
    @APIResponse(responseCode = "200", description = "The tasks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TaskInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public List<TaskInfo> tasks(@QueryParam("sliceId") String sliceId) {
        return offloads.all(sliceId);
    }

    /** Project API: one offloaded task. */
    @GET
    @Path("tasks/{taskId}")
    @Operation(operationId = "Task_GET", summary = "One offloaded task")
    @APIResponse(responseCode = "200", description = "The task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", description = "Unknown task",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public TaskInfo task(@PathParam("taskId") String taskId) {
        return offloads.find(taskId).orElseThrow(() -> ProblemException.notFound("no task " + taskId));
    }

    /** Project API: final sync of every task of a slice, which then are RETURNED (slice release). */
    @POST
    @Path("slices/{sliceId}/return")
    @Operation(operationId = "SliceReturn_POST", summary = "Final sync of a slice's tasks")
    @APIResponse(responseCode = "200", description = "The tasks, RETURNED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TaskInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public List<TaskInfo> returnHome(@PathParam("sliceId") String sliceId) {
        return offloads.returnHome(sliceId);
    }

    /**
     * oneM2M NOTIFY receiver (TS-0004 §7.4.1.2.x, TS-0009: a POST without ty) for the sync subscriptions the CISS
     * holds at slices: answers {@code X-M2M-RSC} 2000 once the change is applied and committed.
     */
    @POST
    @Path("tasks/{taskId}/notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "SyncNotification_POST", summary = "oneM2M NOTIFY from a slice (sync subscription)")
    @APIResponse(responseCode = "200", description = "Applied (X-M2M-RSC 2000)")
    @APIResponse(responseCode = "400", description = "Not applicable (X-M2M-RSC 4xxx)")
    @APIResponse(responseCode = "404", description = "Unknown task or subscription (X-M2M-RSC 4004)")
    @APIResponse(responseCode = "500", description = "Not stored (X-M2M-RSC 5000)")
    public Response notification(@PathParam("taskId") String taskId, @HeaderParam("X-M2M-RI") String ri,
                                 @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                         schema = @Schema(type = SchemaType.OBJECT))) JsonNode body) {
        return notifyAnswer(offloads.applyNotification(taskId, body), ri);
    }

    /**
     * oneM2M NOTIFY receiver (TS-0004, TS-0009) of the CISS's AE at a slice: the {@code poa} of that AE, which the
     * sync subscriptions name as their target (so the slice needs no verification round trip); the task is found
     * by the subscription ({@code sur}).
     */
    @POST
    @Path("slices/{sliceId}/notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "SliceSyncNotification_POST", summary = "oneM2M NOTIFY from a slice to the CISS's AE there")
    @APIResponse(responseCode = "200", description = "Applied (X-M2M-RSC 2000)")
    @APIResponse(responseCode = "400", description = "Not applicable (X-M2M-RSC 4xxx)")
    @APIResponse(responseCode = "404", description = "Unknown subscription (X-M2M-RSC 4004)")
    @APIResponse(responseCode = "500", description = "Not stored (X-M2M-RSC 5000)")
    public Response sliceNotification(@PathParam("sliceId") String sliceId, @HeaderParam("X-M2M-RI") String ri,
                                      @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                              schema = @Schema(type = SchemaType.OBJECT))) JsonNode body) {
        return notifyAnswer(offloads.applySliceNotification(sliceId, body), ri);
    }

    private static Response notifyAnswer(int rsc, String ri) {
        int status = rsc == 2000 ? 200 : rsc == 4004 ? 404 : rsc < 5000 ? 400 : 500;
        Response.ResponseBuilder b = Response.status(status).header("X-M2M-RSC", rsc).header("X-M2M-RVI", "3");
        if (ri != null) {
            b.header("X-M2M-RI", ri);
        }
        return b.build();
    }
}

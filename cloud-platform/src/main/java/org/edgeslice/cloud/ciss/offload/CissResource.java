package org.edgeslice.cloud.ciss.offload;

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
    public List<TaskInfo> offload(OffloadRequest request) {
        return offloads.offload(request, CallbackBase.of(uriInfo, settings));
    }

    /** Project API: the offloaded tasks, optionally of one slice. */
    @GET
    @Path("tasks")
    public List<TaskInfo> tasks(@QueryParam("sliceId") String sliceId) {
        return offloads.all(sliceId);
    }

    /** Project API: one offloaded task. */
    @GET
    @Path("tasks/{taskId}")
    public TaskInfo task(@PathParam("taskId") String taskId) {
        return offloads.find(taskId).orElseThrow(() -> ProblemException.notFound("no task " + taskId));
    }

    /** Project API: final sync of every task of a slice, which then are RETURNED (slice release). */
    @POST
    @Path("slices/{sliceId}/return")
    public List<TaskInfo> returnHome(@PathParam("sliceId") String sliceId) {
        return offloads.returnHome(sliceId);
    }

    /**
     * oneM2M NOTIFY receiver (TS-0004 §7.4.1.2.x, TS-0009: a POST without ty) for the sync subscriptions the CISS
     * holds at slices: answers {@code X-M2M-RSC} 2000 once the change is applied and committed.
     */
    @POST
    @Path("tasks/{taskId}/notifications")
    @Consumes({MediaType.APPLICATION_JSON, "application/vnd.onem2m-res+json"})
    public Response notification(@PathParam("taskId") String taskId, @HeaderParam("X-M2M-RI") String ri,
                                 JsonNode body) {
        int rsc = offloads.applyNotification(taskId, body);
        int status = rsc == 2000 ? 200 : rsc == 4004 ? 404 : rsc < 5000 ? 400 : 500;
        Response.ResponseBuilder b = Response.status(status).header("X-M2M-RSC", rsc).header("X-M2M-RVI", "3");
        if (ri != null) {
            b.header("X-M2M-RI", ri);
        }
        return b.build();
    }
}

package org.edgeslice.meo.infrastructure;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * MicroProfile Rest Client of a MEPM's Mm3 resources (docs/interfaces.md), relative to the MEPM's apiRoot.
 * Bodies travel as JSON text so that the MEO's strict JSON reading does not reject a MEPM that adds attributes.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface MepmClient {

    @POST
    @Path("app_lcm/v1/app_instances")
    Response createInstance(String body);

    @GET
    @Path("app_lcm/v1/app_instances/{id}")
    Response instance(@PathParam("id") String id);

    @DELETE
    @Path("app_lcm/v1/app_instances/{id}")
    Response deleteInstance(@PathParam("id") String id);

    @POST
    @Path("app_lcm/v1/app_instances/{id}/{task}")
    Response task(@PathParam("id") String id, @PathParam("task") String task, String body);

    @GET
    @Path("app_lcm/v1/app_lcm_op_occs/{id}")
    Response opOcc(@PathParam("id") String id);

    @POST
    @Path("app_lcm/v1/app_lcm_op_occs/{id}/cancel")
    Response cancel(@PathParam("id") String id, String body);

    @POST
    @Path("app_lcm/v1/subscriptions")
    Response subscribe(String body);
}

package org.edgeslice.mepm.host;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.ProblemDetailsMediaType;
import org.edgeslice.contract.mec010.lcm.OperationalState;
import org.edgeslice.mepm.config.MepmSettings;
import org.edgeslice.mepm.virt.Labels;
import org.edgeslice.mepm.lcm.AppInstanceEntity;
import org.edgeslice.mepm.lcm.LcmService;
import org.edgeslice.mepm.lcm.PortRepository;
import org.edgeslice.mepm.virt.DriverException;
import org.edgeslice.mepm.virt.Virtualisation;
import org.edgeslice.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code {apiRoot}/mepm_mgmt/v1}: the project's own view of the host (docs/interfaces.md). */
@Path("mepm_mgmt/v1")
public class HostResource {

    @Inject
    MepmSettings settings;
    @Inject
    Virtualisation virtualisation;
    @Inject
    HostRegistration registration;
    @Inject
    LcmService lcm;
    @Inject
    org.edgeslice.mepm.lcm.StandbyPool standby;
    @Inject
    org.edgeslice.mepm.pkg.PackageService packages;

    /** Project API: the host's identity, capacity, active virtualisation driver and registration state. */
    @GET
    @Path("host")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "MepmHost_GET", summary = "The MEC host and the active virtualisation driver")
    @APIResponse(responseCode = "200", description = "The host",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HostStatus.class)))
    public HostStatus host() {
        List<AppInstanceEntity> all = lcm.instances();
        int[] r = settings.portRange();
        return new HostStatus(registration.info(), virtualisation.driver().name(), virtualisation.driver().endpoint(),
                virtualisation.healthy(), registration.registered(), r[0] + "-" + r[1], all.size(),
                (int) all.stream().filter(i -> i.operationalState == OperationalState.STARTED).count(),
                Labels.ofManager(settings.hostId(), settings.apiRoot()));
    }

    /** Project API (docs/interfaces.md "Standby containers"): the standby pool's size and what is ready now. */
    @GET
    @Path("standby")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "MepmStandby_GET", summary = "The standby container pool")
    @APIResponse(responseCode = "200", description = "The pool",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StandbyStatus.class)))
    public StandbyStatus standby() {
        return new StandbyStatus(settings.standbySize(), standby.readyCounts());
    }

    /**
     * Project API: sets the standby containers kept per AppD. Smaller sizes remove the surplus ready containers at
     * once; larger ones start containers for the AppDs held here. Benchmarks use 0 to measure instantiations that
     * start their own container.
     */
    @PUT
    @Path("standby")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "MepmStandby_PUT", summary = "Sets the standby containers kept per AppD")
    @APIResponse(responseCode = "200", description = "The pool after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StandbyStatus.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public StandbyStatus resizeStandby(StandbyStatus wanted) {
        if (wanted == null || wanted.size() == null) {
            throw ProblemException.badRequest("size is required");
        }
        if (wanted.ready() != null) {
            throw ProblemException.badRequest("ready is read-only");
        }
        if (wanted.size() < 0 || wanted.size() > 8) {
            throw ProblemException.badRequest("size must be 0-8");
        }
        settings.standbySize(wanted.size());
        standby.resize(packages.all());
        return standby();
    }

    /** Project API: the container of an app instance and the loopback ports allocated to it. */
    @GET
    @Path("app_instances/{appInstanceId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "MepmAppPlacement_GET", summary = "The app's container and allocated ports")
    @APIResponse(responseCode = "200", description = "The placement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppPlacement.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "UnknownAppInstance")
    public AppPlacement placement(@PathParam("appInstanceId") String id) {
        AppInstanceEntity i = lcm.instance(id);
        java.util.Map<String, Integer> ports = new java.util.TreeMap<>(PortRepository.parse(i.ports));
        java.util.Map<String, String> endpoints = new java.util.TreeMap<>();
        ports.forEach((name, port) -> endpoints.put(name, "http://127.0.0.1:" + port));
        return new AppPlacement(i.id, settings.hostId(), virtualisation.driver().name(), i.containerId, ports, endpoints);
    }

    /** Project API: the last {@code tail} lines (default 200, at most 10000) of the app's container output. */
    @GET
    @Path("app_instances/{appInstanceId}/logs")
    @Produces({MediaType.TEXT_PLAIN, ProblemDetailsMediaType.VALUE})
    @Operation(operationId = "MepmAppInstanceLogs_GET", summary = "The app's container log")
    @APIResponse(responseCode = "200", description = "The log",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", description = "Unknown app instance or no container",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public String logs(@PathParam("appInstanceId") String id, @QueryParam("tail") @DefaultValue("200") int tail) {
        if (tail < 1 || tail > 10_000) {
            throw ProblemException.badRequest("tail must be 1-10000");
        }
        AppInstanceEntity i = lcm.instance(id);
        if (i.containerId == null) {
            throw ProblemException.notFound("app instance " + id + " has no container");
        }
        try {
            return virtualisation.driver().logs(i.containerId, tail);
        } catch (DriverException e) {
            throw ProblemException.notFound(e.getMessage());
        }
    }
}

package org.edgeslice.mepm.pkg;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.ProblemDetailsMediaType;
import org.edgeslice.contract.mec010.lcm.InstantiationState;
import org.edgeslice.contract.mec010.pkgm.AppD;
import org.edgeslice.contract.mec010.pkgm.AppPkgInfo;
import org.edgeslice.contract.mec010.pkgm.AppPkgOperationalState;
import org.edgeslice.contract.mec010.pkgm.AppPkgSwImageInfo;
import org.edgeslice.contract.mec010.pkgm.OnboardingState;
import org.edgeslice.contract.mec010.pkgm.UsageState;
import org.edgeslice.mepm.lcm.InstanceRepository;
import org.edgeslice.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code {apiRoot}/app_pkgm/v1/app_packages} of the MEPM: the packages (AppDs) available on this host. The
 * package id on the host is the appDId (the MEPM learns AppDs, not package resources, from the MEO).
 */
@Path("app_pkgm/v1/app_packages")
@Produces(MediaType.APPLICATION_JSON)
public class AppPackagesResource {

    @Inject
    PackageService packages;

    @Inject
    InstanceRepository instances;

    @Context
    UriInfo uriInfo;

    /** ETSI GS MEC 010-2 clause 7.3.1.3.1, AppPackages GET (the host's packages, all ONBOARDED and ENABLED). */
    @GET
    @Operation(operationId = "AppPackages_GET", summary = "The packages available on this host")
    @APIResponse(responseCode = "200", description = "The packages",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AppPkgInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public List<AppPkgInfo> list() {
        Set<String> inUse = inUse();
        return packages.all().stream().map(a -> info(a, inUse)).toList();
    }

    /** ETSI GS MEC 010-2 clause 7.3.2.3.1, AppPackage GET. */
    @GET
    @Path("{appPkgId}")
    @Operation(operationId = "AppPackage_GET", summary = "A package available on this host")
    @APIResponse(responseCode = "200", description = "The package",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppPkgInfo.class)))
    @APIResponse(responseCode = "404", description = "Not on this host",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public AppPkgInfo get(@PathParam("appPkgId") String id) {
        return packages.all().stream().filter(a -> a.appDId().equals(id)).findFirst().map(a -> info(a, inUse()))
                .orElseThrow(() -> ProblemException.notFound("no package " + id + " on this host"));
    }

    private Set<String> inUse() {
        return instances.findAll().stream().filter(i -> i.instantiationState == InstantiationState.INSTANTIATED)
                .map(i -> i.appDId).collect(Collectors.toSet());
    }

    private AppPkgInfo info(AppD a, Set<String> inUse) {
        String self = uriInfo.getBaseUri() + "app_pkgm/v1/app_packages/" + a.appDId();
        var img = a.swImageDescriptor();
        return new AppPkgInfo(a.appDId(), a.appDId(), a.appProvider(), a.appName(), a.appSoftVersion(), a.appDVersion(),
                img.checksum(), List.of(new AppPkgSwImageInfo(img.id(), img.name(), a.appProvider(), img.version(),
                img.checksum(), img.containerFormat(), img.diskFormat(), img.size(), img.swImage())), null,
                OnboardingState.ONBOARDED, AppPkgOperationalState.ENABLED,
                inUse.contains(a.appDId()) ? UsageState.IN_USE : UsageState.NOT_IN_USE, null, null, null,
                new AppPkgInfo.Links(new LinkType(self), new LinkType(self + "/appd"), new LinkType(self + "/package_content")));
    }
}

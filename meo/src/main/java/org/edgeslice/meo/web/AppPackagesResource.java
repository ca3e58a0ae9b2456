package org.edgeslice.meo.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.mec010.pkgm.AppPkgInfo;
import org.edgeslice.contract.mec010.pkgm.AppPkgInfoModifications;
import org.edgeslice.contract.mec010.pkgm.CreateAppPkg;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.pkgm.AppPackage;
import org.edgeslice.meo.pkgm.PackageArchive;
import org.edgeslice.meo.pkgm.PackageService;
import org.edgeslice.support.json.Json;
import org.edgeslice.support.json.StrictJsonProvider;
import org.edgeslice.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ETSI GS MEC 010-2 application package management, {@code app_pkgm/v1} (clause 7.3). */
@RequestScoped
@Path("app_pkgm/v1")
@Tag(name = "app-pkgm")
public class AppPackagesResource {

    /** Attributes left out by exclude_default (NFV-SOL 005 style: the large ones). */
    static final Set<String> DEFAULT_EXCLUDED = Set.of("softwareImages", "additionalArtifacts", "userDefinedData", "checksum");

    @Inject
    PackageService packages;

    @Inject
    ApiRoot root;

    /** ETSI GS MEC 010-2 clause 7.3.1.3.1, app_packages POST: create (and, with appPkgPath, onboard) a package. */
    @POST
    @Path("app_packages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppPackages_POST", summary = "Create an application package resource")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppPkgInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public Response create(CreateAppPkg request) {
        AppPackage p = packages.create(request);
        return Response.created(URI.create(root.href("app_pkgm/v1/app_packages/" + p.id())))
                .entity(Representations.pkg(p, root)).type(MediaType.APPLICATION_JSON).build();
    }

    /** ETSI GS MEC 010-2 clause 7.3.1.3.2, app_packages GET, with the attribute selectors. */
    @GET
    @Path("app_packages")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppPackages_GET", summary = "Query application packages")
    @APIResponse(responseCode = "200", description = "The packages", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AppPkgInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public ArrayNode list(@BeanParam Selectors selectors) {
        return selectors.apply(packages.all().stream().map(p -> Representations.pkg(p, root)).toList(), DEFAULT_EXCLUDED);
    }

    /** ETSI GS MEC 010-2 clause 7.3.2.3.2, individual app package GET. */
    @GET
    @Path("app_packages/{appPkgId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppPackage_GET", summary = "Read an application package")
    @APIResponse(responseCode = "200", description = "The package", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppPkgInfo.class)))
    @APIResponse(responseCode = "404", ref = "404")
    public AppPkgInfo get(@PathParam("appPkgId") String id) {
        return Representations.pkg(packages.get(id), root);
    }

    /** ETSI GS MEC 010-2 clause 7.3.2.3.5, individual app package DELETE (409 while IN_USE). */
    @DELETE
    @Path("app_packages/{appPkgId}")
    @Operation(operationId = "AppPackage_DELETE", summary = "Delete an application package")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public Response delete(@PathParam("appPkgId") String id) {
        packages.delete(id);
        return Response.noContent().build();
    }

    /**
     * ETSI GS MEC 010-2 clause 7.3.2.3.4, individual app package PATCH: ENABLED/DISABLED. Accepts
     * {@code operationalState} (v3.x) and {@code operationState} (v2.1.1); echoes {@code operationalState}.
     */
    @PATCH
    @Path("app_packages/{appPkgId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "AppPackage_PATCH", summary = "Enable or disable an application package")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppPkgInfoModifications.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public AppPkgInfoModifications patch(@PathParam("appPkgId") String id, @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppPkgInfoModifications.class)),
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = AppPkgInfoModifications.class))})
                                         InputStream body) {
        // read here with the strict mapper: the JSON provider is not chosen for application/merge-patch+json
        AppPkgInfoModifications change = strict(body, AppPkgInfoModifications.class);
        if (change == null || change.operationalState() == null) {
            throw ProblemException.badRequest("'operationalState' (or 'operationState') is required");
        }
        return new AppPkgInfoModifications(packages.changeOperationalState(id, change.operationalState()).operationalState());
    }

    /** ETSI GS MEC 010-2 clause 7.3.3.3.2, app package AppD GET (text/plain, application/zip, or JSON). */
    @GET
    @Path("app_packages/{appPkgId}/appd")
    @Produces({MediaType.TEXT_PLAIN, "application/zip", MediaType.APPLICATION_JSON})
    @Operation(operationId = "AppPackageAppD_GET", summary = "Read the AppD of an application package")
    @APIResponse(responseCode = "200", ref = "AppD")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "406", ref = "406")
    @APIResponse(responseCode = "409", ref = "409")
    public Response appD(@PathParam("appPkgId") String id, @HeaderParam("Accept") String accept) {
        return appDOf(packages.get(id), accept);
    }

    /** ETSI GS MEC 010-2 clause 7.3.4.3.2, package content GET (application/zip, single byte range -> 206). */
    @GET
    @Path("app_packages/{appPkgId}/package_content")
    @Operation(operationId = "AppPackageContent_GET", summary = "Fetch the package file")
    @APIResponse(responseCode = "200", ref = "PackageContent")
    @APIResponse(responseCode = "206", ref = "PackageContentRange")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    @APIResponse(responseCode = "416", ref = "416")
    public Response content(@PathParam("appPkgId") String id, @HeaderParam("Accept") String accept,
                            @HeaderParam("Range") String range) {
        return contentOf(packages.get(id), accept, range);
    }

    /** ETSI GS MEC 010-2 clause 7.3.4.3.3, package content PUT: upload, verify, onboard; 202. */
    @PUT
    @Path("app_packages/{appPkgId}/package_content")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "AppPackageContent_PUT", summary = "Upload the package file")
    @APIResponse(responseCode = "202", description = "Accepted and onboarded")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public Response upload(@PathParam("appPkgId") String id, InputStream body) {
        packages.upload(id, readAll(body));
        return Response.accepted().build();
    }

    // ---- v3.x onboarded_app_packages, keyed by appDId ----

    /** ETSI GS MEC 010-2 v3.x onboarded_app_packages GET. */
    @GET
    @Path("onboarded_app_packages")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "OnboardedAppPackages_GET", summary = "Query onboarded application packages")
    @APIResponse(responseCode = "200", description = "The onboarded packages", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AppPkgInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public ArrayNode onboarded(@BeanParam Selectors selectors) {
        return selectors.apply(packages.all().stream().filter(AppPackage::isOnboarded)
                .map(p -> Representations.pkg(p, root)).toList(), DEFAULT_EXCLUDED);
    }

    /** ETSI GS MEC 010-2 v3.x onboarded_app_packages/{appDId} GET. */
    @GET
    @Path("onboarded_app_packages/{appDId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "OnboardedAppPackage_GET", summary = "Read an onboarded application package by appDId")
    @APIResponse(responseCode = "200", description = "The package", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppPkgInfo.class)))
    @APIResponse(responseCode = "404", ref = "404")
    public AppPkgInfo onboardedOne(@PathParam("appDId") String appDId) {
        return Representations.pkg(packages.getOnboarded(appDId), root);
    }

    /** ETSI GS MEC 010-2 clause 7.3.3.3.2 (onboarded variant), AppD GET by appDId; the MEPM fetches AppDs here. */
    @GET
    @Path("onboarded_app_packages/{appDId}/appd")
    @Produces({MediaType.TEXT_PLAIN, "application/zip", MediaType.APPLICATION_JSON})
    @Operation(operationId = "OnboardedAppPackageAppD_GET", summary = "Read the AppD by appDId")
    @APIResponse(responseCode = "200", ref = "AppD")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "406", ref = "406")
    @APIResponse(responseCode = "409", ref = "409")
    public Response onboardedAppD(@PathParam("appDId") String appDId, @HeaderParam("Accept") String accept) {
        return appDOf(packages.getOnboarded(appDId), accept);
    }

    /** ETSI GS MEC 010-2 clause 7.3.4.3.2 (onboarded variant), package content GET by appDId. */
    @GET
    @Path("onboarded_app_packages/{appDId}/package_content")
    @Operation(operationId = "OnboardedAppPackageContent_GET", summary = "Fetch the package file by appDId")
    @APIResponse(responseCode = "200", ref = "PackageContent")
    @APIResponse(responseCode = "206", ref = "PackageContentRange")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "416", ref = "416")
    public Response onboardedContent(@PathParam("appDId") String appDId, @HeaderParam("Accept") String accept,
                                     @HeaderParam("Range") String range) {
        return contentOf(packages.getOnboarded(appDId), accept, range);
    }

    /**
     * ETSI GS MEC 010-2 clause 7.3.4.3.3 (onboarded variant), package content PUT by appDId: a package known by
     * its appDId is already onboarded, so this is always a 409 (or 404 for an unknown appDId).
     */
    @PUT
    @Path("onboarded_app_packages/{appDId}/package_content")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "OnboardedAppPackageContent_PUT", summary = "Upload the package file by appDId")
    @APIResponse(responseCode = "202", description = "Accepted")
    @APIResponse(responseCode = "404", ref = "404")
    @APIResponse(responseCode = "409", ref = "409")
    public Response onboardedUpload(@PathParam("appDId") String appDId, InputStream body) {
        AppPackage p = packages.getOnboarded(appDId);
        packages.upload(p.id(), readAll(body));
        return Response.accepted().build();
    }

    private Response appDOf(AppPackage p, String accept) {
        if (!p.isOnboarded()) {
            throw ProblemException.conflict("Package " + p.id() + " is " + p.onboardingState() + "; it has no AppD yet");
        }
        String a = accept == null ? "" : accept.toLowerCase();
        if (a.contains("application/json")) {
            return Response.ok(Json.mapper().valueToTree(p.appD()), MediaType.APPLICATION_JSON).build();
        }
        if (a.contains("application/zip")) {
            return Response.ok(PackageArchive.appDZip(p.appDFileName(), p.appDFile()), "application/zip").build();
        }
        return Response.ok(p.appDFile().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8").build();
    }

    private Response contentOf(AppPackage p, String accept, String range) {
        if (accept != null && !accept.isBlank() && !accept.contains("application/zip") && !accept.contains("*/*")
                && !accept.contains("application/*") && !accept.contains("application/octet-stream")) {
            throw ProblemException.badRequest("package_content is served as application/zip only (Accept: " + accept + ")");
        }
        byte[] zip = packages.content(p);
        if (range == null || range.isBlank()) {
            return Response.ok(zip, "application/zip").header("Accept-Ranges", "bytes").build();
        }
        long[] r = parseRange(range, zip.length);
        if (r == null) {
            ProblemDetails pd = new ProblemDetails("about:blank", "Range Not Satisfiable", 416,
                    "Range '" + range + "' does not fit the " + zip.length + "-byte package", null);
            return Response.status(416).header("Content-Range", "bytes */" + zip.length)
                    .type("application/problem+json").entity(pd).build();
        }
        int from = (int) r[0];
        int to = (int) r[1];
        byte[] part = java.util.Arrays.copyOfRange(zip, from, to + 1);
        return Response.status(206).entity(part).type("application/zip").header("Accept-Ranges", "bytes")
                .header("Content-Range", "bytes " + from + "-" + to + "/" + zip.length).build();
    }

    /** A single range "bytes=a-b", "bytes=a-" or "bytes=-n"; null when it cannot be satisfied. */
    static long[] parseRange(String header, long length) {
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.contains(",")) {
            return null;
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            long from;
            long to;
            if (a.isEmpty()) {
                long n = Long.parseLong(b);
                if (n <= 0) {
                    return null;
                }
                from = Math.max(0, length - n);
                to = length - 1;
            } else {
                from = Long.parseLong(a);
                to = b.isEmpty() ? length - 1 : Math.min(Long.parseLong(b), length - 1);
            }
            if (from < 0 || from >= length || to < from) {
                return null;
            }
            return new long[] {from, to};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> T strict(InputStream body, Class<T> type) {
        try {
            return (T) new StrictJsonProvider().readFrom((Class) type, type, new Annotation[0],
                    MediaType.APPLICATION_JSON_TYPE, null, body);
        } catch (IOException e) {
            throw ProblemException.badRequest("The request body could not be read: " + e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw ProblemException.badRequest("The package file could not be read: " + e.getMessage());
        }
    }
}

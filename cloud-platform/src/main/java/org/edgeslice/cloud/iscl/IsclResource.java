package org.edgeslice.cloud.iscl;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.ProblemDetailsMediaType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import org.edgeslice.cloud.infrastructure.CallbackBase;
import org.edgeslice.cloud.infrastructure.CloudSettings;
import org.edgeslice.cloud.issm.CsfrRegistry;
import org.edgeslice.cloud.issm.FunctionSelection;
import org.edgeslice.cloud.issm.SliceImageBuilder;
import org.edgeslice.contract.cloud.CsfrImage;
import org.edgeslice.contract.cloud.SliceInfo;
import org.edgeslice.contract.cloud.SlicingRequest;
import org.edgeslice.contract.cloud.SlicingRequestInfo;
import org.edgeslice.support.problem.ProblemException;

/**
 * The ISCL's REST API (project API): what the slicing handler calls (steps 03-1/03-2, then polls for 12-13), the
 * entire view of the IoT slices, slice release, and the CSFR catalogue.
 */
@Path("iscl/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IsclResource {

    @Inject
    IsclService iscl;

    @Inject
    CloudSettings settings;

    @Inject
    RequestChanges changes;

    @Context
    UriInfo uriInfo;

    /**
     * Project API, steps 03-1 and 03-2: "IoT function generation and task offloading" or "offloading only". Answers
     * 201 with the request resource (state PROCESSING); the handler polls it (or names a callbackUri) for the
     * outcome of steps 04-12. With {@code Prefer: wait=N} (RFC 7240, N ≤ 60 s) the answer waits until the request
     * is COMPLETED or FAILED, at most N seconds, and carries it in that state ({@code Preference-Applied}, ETag).
     */
    @POST
    @Path("slicing_requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "SlicingRequests_POST", summary = "Steps 03-1/03-2: IoT function generation and task offloading, or offloading only")
    @APIResponse(responseCode = "201", description = "The request resource (state PROCESSING); Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlicingRequestInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", description = "Unknown slice (OFFLOADING_ONLY)",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "409", description = "A task is offloaded elsewhere, or the slice is not READY or lacks functions",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public Response submit(SlicingRequest request, @HeaderParam("Prefer") String prefer) throws InterruptedException {
        String collection = uriInfo.getBaseUriBuilder().path("iscl/v1/slicing_requests").build().toString();
        SlicingRequestInfo info = iscl.submit(request, collection, CallbackBase.of(uriInfo, settings));
        int wait = LongPoll.waitSeconds(prefer);
        Response.ResponseBuilder created = Response.created(URI.create(collection + "/" + info.id()));
        if (wait <= 0) {
            return created.entity(info).build();
        }
        // RFC 7240 "wait" on the POST: the client would rather have the outcome in this answer than poll for it
        // (the handler asks so for offloading only, which takes milliseconds). The answer is still 201 with the
        // request resource, COMPLETED or FAILED if it finished within the wait, else as it is then (PROCESSING).
        SlicingRequestInfo now = awaitFinal(info.id(), wait);
        return created.entity(now).header("ETag", LongPoll.etag(now)).header("Preference-Applied", "wait=" + wait)
                .build();
    }

    /**
     * The request once COMPLETED or FAILED, or as it is when {@code seconds} have passed: as committed and signalled
     * by the ISS ({@link RequestChanges}), without reading it back from the database.
     */
    private SlicingRequestInfo awaitFinal(String id, int seconds) throws InterruptedException {
        FinalState waiter = new FinalState(id);
        changes.onNextChange(id, waiter, waiter); // registered before looking: no change slips in between
        try {
            changes.latest(id).filter(LongPoll::isFinal).ifPresent(waiter.done::complete);
            return waiter.done.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return changes.latest(id).orElseGet(() -> iscl.request(id));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            changes.forgetKey(id, waiter);
        }
    }

    /** Completes with the first final state signalled; waits on through the steps before it. */
    private final class FinalState implements Consumer<SlicingRequestInfo> {
        private final String id;
        private final CompletableFuture<SlicingRequestInfo> done = new CompletableFuture<>();

        FinalState(String id) {
            this.id = id;
        }

        @Override
        public void accept(SlicingRequestInfo info) {
            if (LongPoll.isFinal(info)) {
                done.complete(info);
            } else if (!done.isDone()) {
                changes.onNextChange(id, this, this); // a step of the trace: wait for the next change
            }
        }
    }

    /** Project API: every slicing request, oldest first. */
    @GET
    @Path("slicing_requests")
    @Operation(operationId = "SlicingRequests_GET", summary = "Every slicing request")
    @APIResponse(responseCode = "200", description = "The requests",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = SlicingRequestInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public List<SlicingRequestInfo> requests() {
        return iscl.requests();
    }

    /**
     * Project API: one slicing request with its state, step trace and log. The response carries an {@code ETag}; a
     * GET with {@code If-None-Match} of the current tag and {@code Prefer: wait=N} (RFC 7240, N ≤ 60 s) is a long
     * poll: it answers as soon as the request changes (200, {@code Preference-Applied: wait=N}), or 304 when it did
     * not change within N seconds. The handler follows a request this way instead of polling on a timer.
     */
    @GET
    @Path("slicing_requests/{id}")
    @Operation(operationId = "SlicingRequest_GET", summary = "One slicing request with its state, step trace and log")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlicingRequestInfo.class)))
    @APIResponse(responseCode = "304", description = "Unchanged during the wait the client asked for (If-None-Match + Prefer: wait)")
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", description = "Unknown request",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public Response request(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                            @HeaderParam("Prefer") String prefer) throws InterruptedException {
        SlicingRequestInfo now = iscl.request(id); // 404 for an unknown id, before any wait
        int wait = LongPoll.waitSeconds(prefer);
        if (wait <= 0 || ifNoneMatch == null || !ifNoneMatch.equals(LongPoll.etag(now))) {
            return LongPoll.ok(now, 0);
        }
        // A blocking wait (a worker thread per waiting client): JAX-RS's AsyncResponse would free the thread, but
        // Payara's OpenAPI then documents it as a request body. Only the handler waits, one poll per request in
        // progress.
        CountDownLatch changed = new CountDownLatch(1);
        Runnable onChange = changed::countDown;
        changes.onNextChange(id, onChange);
        try {
            SlicingRequestInfo again = iscl.request(id); // a change between the first read and the registration
            if (LongPoll.etag(again).equals(LongPoll.etag(now)) && !changed.await(wait, TimeUnit.SECONDS)) {
                return Response.notModified(LongPoll.tag(now)).header("Preference-Applied", "wait=" + wait).build();
            }
            return LongPoll.ok(iscl.request(id), wait);
        } finally {
            changes.forget(id, onChange);
        }
    }

    /** Project API: the entire view of the IoT slices (also the launcher's readiness probe). */
    @GET
    @Path("slices")
    @Operation(operationId = "Slices_GET", summary = "The entire view of the IoT slices")
    @APIResponse(responseCode = "200", description = "The slices",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = SliceInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    public List<SliceInfo> slices() {
        return iscl.slices().stream().map(this::linked).toList();
    }

    /** Project API: one slice with its host, functions, endpoints and offloaded tasks. */
    @GET
    @Path("slices/{sliceId}")
    @Operation(operationId = "Slice_GET", summary = "One slice")
    @APIResponse(responseCode = "200", description = "The slice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SliceInfo.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "404", ref = "UnknownSlice")
    public SliceInfo slice(@PathParam("sliceId") String sliceId) {
        return linked(iscl.slice(sliceId));
    }

    /** Project API: release a slice (final sync of its tasks, terminate and delete its app instance via the MEO). */
    @DELETE
    @Path("slices/{sliceId}")
    @Operation(operationId = "Slice_DELETE", summary = "Release a slice: final sync, terminate, delete")
    @APIResponse(responseCode = "204", description = "Released")
    @APIResponse(responseCode = "404", ref = "UnknownSlice")
    @APIResponse(responseCode = "409", description = "Already released, being released, or still instantiating",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "502", description = "The MEO could not release the app instance",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public Response release(@PathParam("sliceId") String sliceId) {
        iscl.release(sliceId);
        return Response.noContent().build();
    }

    /** Project API: the CSFR catalogue: the registry's repositories and tags; for slice images, their functions. */
    @GET
    @Path("csfr")
    @Operation(operationId = "Csfr_GET", summary = "The CSFR catalogue")
    @APIResponse(responseCode = "200", description = "Repositories and tags",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CsfrImage.class)))
    @APIResponse(responseCode = "400", ref = "400")
    @APIResponse(responseCode = "503", description = "The registry is unreachable",
            content = @Content(mediaType = ProblemDetailsMediaType.VALUE, schema = @Schema(implementation = ProblemDetails.class)))
    public List<CsfrImage> csfr() {
        CsfrRegistry registry = new CsfrRegistry(settings.registry());
        try {
            List<CsfrImage> out = new ArrayList<>();
            for (String repo : registry.repositories()) {
                List<CsfrImage.Tag> tags = new ArrayList<>();
                for (String tag : registry.tags(repo)) {
                    List<String> functions = null;
                    if (repo.equals(settings.sliceRepository())) {
                        functions = registry.labels(repo, tag)
                                .map(l -> l.get(SliceImageBuilder.FUNCTIONS_LABEL))
                                .map(v -> FunctionSelection.parse(List.of(v.split(","))).names())
                                .orElse(null);
                    }
                    tags.add(new CsfrImage.Tag(tag, settings.registry() + "/" + repo + ":" + tag, functions));
                }
                out.add(new CsfrImage(repo, tags));
            }
            return out;
        } catch (IOException e) {
            throw new ProblemException(503, "Service Unavailable", "the CSFR registry " + settings.registry()
                    + " is unreachable: " + e.getMessage());
        }
    }

    private SliceInfo linked(SliceInfo s) {
        String self = uriInfo.getBaseUriBuilder().path("iscl/v1/slices").path(s.sliceId()).build().toString();
        return new SliceInfo(s.sliceId(), s.state(), s.functions(), s.image(), s.appDId(), s.appPkgId(),
                s.appInstanceId(), s.hostId(), s.endpoints(), s.cseId(), s.cseName(), s.tasks(), s.createdAt(),
                s.detail(), Map.of("self", new SliceInfo.Link(self)));
    }
}

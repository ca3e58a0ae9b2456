package org.edgeslice.cloud.iscl;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.edgeslice.cloud.ciss.CloudCse;
import org.edgeslice.cloud.ciss.offload.OffloadService;
import org.edgeslice.cloud.infrastructure.CloudSettings;
import org.edgeslice.cloud.infrastructure.OneTransaction;
import org.edgeslice.cloud.iss.SliceOrchestrator;
import org.edgeslice.cloud.iss.SlicingPlan;
import org.edgeslice.cloud.issm.FunctionSelection;
import org.edgeslice.contract.cloud.RequestType;
import org.edgeslice.contract.cloud.SliceInfo;
import org.edgeslice.contract.cloud.SlicingRequest;
import org.edgeslice.contract.cloud.SlicingRequestInfo;
import org.edgeslice.contract.cloud.SyncMode;
import org.edgeslice.contract.cloud.TaskSpec;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.function.CommonServiceFunction;
import org.edgeslice.support.problem.ProblemException;

/**
 * The ISCL (IoT service common management layer): accepts the handler's requests (steps 03-1/03-2), validates and
 * structures them for the ISS (step 04), and keeps the entire view: requests with their traces and logs, slices
 * with their hosts, functions and offloaded tasks.
 */
@ApplicationScoped
public class IsclService {

    @Inject
    IsclRepository repository;

    @Inject
    RequestChanges changes;

    @Inject
    SliceOrchestrator iss;

    @Inject
    OffloadService ciss;

    @Inject
    CloudCse cse;

    @Inject
    CloudSettings settings;

    @Inject
    OneTransaction transaction;

    /**
     * Validates the request completely before anything is stored (400 / 404 / 409), records it, and hands it to the
     * ISS, which runs asynchronously. The validation's reads and the first save are one transaction (one commit
     * where there were three, while the handler waits); the ISS starts once it is committed.
     *
     * @param selfBase the URL of the slicing_requests collection
     */
    public SlicingRequestInfo submit(SlicingRequest req, String selfBase, String callbackBase) {
        Planned planned = transaction.run(() -> {
            SlicingPlan plan = structure(req);
            String id = UUID.randomUUID().toString();
            AtomicBoolean stored = new AtomicBoolean();
            RequestRun run = new RequestRun(id, req, selfBase + "/" + id, info -> {
                // committed here (or with the submit's transaction): a waiter sees it stored
                if (stored.getAndSet(true)) {
                    repository.update(info);
                } else {
                    repository.insert(info);
                }
                changes.changed(info);
            });
            run.log("INFO", "received " + req.requestType() + " from " + Optional.ofNullable(req.requester())
                    .orElse("?") + " for " + req.tasks().size() + " task(s)");
            iss.prepare(run, plan);
            run.save();
            return new Planned(run, plan);
        });
        iss.start(planned.run(), planned.plan(), callbackBase);
        return planned.run().info();
    }

    private record Planned(RequestRun run, SlicingPlan plan) {
    }

    SlicingPlan structure(SlicingRequest req) {
        List<String> problems = new ArrayList<>();
        if (req.requestType() == null) {
            throw ProblemException.badRequest("requestType is required: FUNCTION_GENERATION_AND_OFFLOADING or "
                    + "OFFLOADING_ONLY");
        }
        if (req.tasks() == null || req.tasks().isEmpty()) {
            problems.add("tasks must name at least one task");
        }
        if (req.callbackUri() != null && !httpUrl(req.callbackUri())) {
            problems.add("callbackUri must be an http URL");
        }
        if (req.latencyBoundMs() != null && req.latencyBoundMs() <= 0) {
            problems.add("latencyBoundMs must be positive");
        }
        FunctionSelection functions = null;
        if (req.requestType() == RequestType.FUNCTION_GENERATION_AND_OFFLOADING) {
            if (req.functions() == null || req.functions().isEmpty()) {
                problems.add("functions are required for FUNCTION_GENERATION_AND_OFFLOADING");
            } else {
                try {
                    functions = FunctionSelection.parse(req.functions());
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            if (req.sliceId() != null) {
                problems.add("sliceId is only for OFFLOADING_ONLY");
            }
        } else if (req.sliceId() == null || req.sliceId().isBlank()) {
            problems.add("sliceId is required for OFFLOADING_ONLY");
        }
        Set<String> paths = new HashSet<>();
        if (req.tasks() != null) {
            for (TaskSpec t : req.tasks()) {
                if (t == null || t.path() == null || t.path().isBlank()) {
                    problems.add("every task needs a path, e.g. /" + settings.cseName() + "/Cars/CarA");
                    continue;
                }
                String p = t.path().replaceAll("^/+", "").replaceAll("/+$", "");
                if (t.path().length() > TaskSpec.MAX_PATH_LENGTH) {
                    problems.add("task paths are at most " + TaskSpec.MAX_PATH_LENGTH + " characters long");
                } else if (!paths.add(p)) {
                    problems.add("task " + t.path() + " is named twice");
                } else if (!p.startsWith(settings.cseName() + "/")) {
                    problems.add("task " + t.path() + " is not under /" + settings.cseName());
                } else {
                    var r = cse.store().getByPath(p);
                    if (r.isEmpty()) {
                        problems.add("task " + t.path() + " does not exist in the cloud IN-CSE");
                    } else if (r.get().type() != ResourceType.AE && r.get().type() != ResourceType.CONTAINER) {
                        problems.add("task " + t.path() + " is neither an AE nor a container");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
        // what the tasks' synchronisation needs from the slice
        Set<CommonServiceFunction> needed = new HashSet<>();
        for (TaskSpec t : req.tasks()) {
            if (t.syncMode() == null || t.syncMode() == SyncMode.SUBSCRIPTION) {
                needed.add(CommonServiceFunction.SUBSCRIPTION);
                needed.add(CommonServiceFunction.NOTIFICATION);
            } else {
                needed.add(CommonServiceFunction.RETRIEVE);
            }
        }
        Optional<SliceInfo> named = req.requestType() == RequestType.OFFLOADING_ONLY
                ? repository.sliceByIdOrAppInstance(req.sliceId()) : Optional.empty();
        String effectiveSlice = req.requestType() == RequestType.OFFLOADING_ONLY
                ? named.map(SliceInfo::sliceId).orElse(req.sliceId()) : null;
        for (TaskSpec t : req.tasks()) {
            String p = "/" + t.path().replaceAll("^/+", "").replaceAll("/+$", "");
            // the active task of this path only, not every task ever offloaded
            Optional<String> active = ciss.activeSliceOf(p);
            if (active.isPresent() && !active.get().equals(effectiveSlice)) {
                throw ProblemException.conflict("task " + p + " is offloaded to slice " + active.get() + " already");
            }
        }
        if (req.requestType() == RequestType.OFFLOADING_ONLY) {
            SliceInfo slice = named.orElseThrow(() -> ProblemException.notFound("no slice " + req.sliceId()));
            if (!"READY".equals(slice.state())) {
                throw ProblemException.conflict("slice " + slice.sliceId() + " is " + slice.state() + ", not READY");
            }
            FunctionSelection held = FunctionSelection.parse(slice.functions());
            List<String> missing = needed.stream().filter(f -> !held.contains(f)).map(CommonServiceFunction::configName)
                    .sorted().toList();
            if (!missing.isEmpty()) {
                throw ProblemException.conflict("slice " + slice.sliceId() + " lacks " + missing
                        + ", which the tasks' synchronisation needs");
            }
            return new SlicingPlan(held, req.tasks(), slice, req.hostId(), req.location(), List.of());
        }
        List<String> added = needed.stream().filter(f -> !functionsContain(req, f)).map(CommonServiceFunction::configName)
                .sorted().toList();
        FunctionSelection all = functions.plus(needed.toArray(new CommonServiceFunction[0]));
        return new SlicingPlan(all, req.tasks(), null, req.hostId(), req.location(), added);
    }

    private static boolean functionsContain(SlicingRequest req, CommonServiceFunction f) {
        return req.functions().stream().anyMatch(n -> CommonServiceFunction.parse(n) == f);
    }

    /** DELETE of a slice: the ISS releases it (final sync, terminate, delete). */
    public SliceInfo release(String sliceId) {
        SliceInfo slice = slice(sliceId);
        if ("RELEASED".equals(slice.state()) || "RELEASING".equals(slice.state())) {
            throw ProblemException.conflict("slice " + sliceId + " is " + slice.state());
        }
        if ("INSTANTIATING".equals(slice.state())) {
            throw ProblemException.conflict("slice " + sliceId + " is still INSTANTIATING");
        }
        return iss.release(slice);
    }

    /** A slice with its tasks as the CISS holds them now. */
    public SliceInfo slice(String sliceId) {
        SliceInfo s = repository.slice(sliceId).orElseThrow(() -> ProblemException.notFound("no slice " + sliceId));
        return withTasks(s);
    }

    public List<SliceInfo> slices() {
        return repository.slices().stream().map(this::withTasks).toList();
    }

    public SlicingRequestInfo request(String id) {
        return repository.request(id).orElseThrow(() -> ProblemException.notFound("no slicing request " + id));
    }

    public List<SlicingRequestInfo> requests() {
        return repository.requests();
    }

    private SliceInfo withTasks(SliceInfo s) {
        return new SliceInfo(s.sliceId(), s.state(), s.functions(), s.image(), s.appDId(), s.appPkgId(),
                s.appInstanceId(), s.hostId(), s.endpoints(), s.cseId(), s.cseName(), ciss.all(s.sliceId()),
                s.createdAt(), s.detail(), s.links());
    }

    private static boolean httpUrl(String s) {
        try {
            URI u = URI.create(s);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

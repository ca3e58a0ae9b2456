package org.edgeslice.cloud.iss;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.Resource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeslice.cloud.ciss.offload.OffloadService;
import org.edgeslice.cloud.infrastructure.CloudSettings;
import org.edgeslice.cloud.iscl.IsclRepository;
import org.edgeslice.cloud.iscl.RequestRun;
import org.edgeslice.cloud.issm.SliceManager;
import org.edgeslice.cloud.meo.MeoClient;
import org.edgeslice.contract.cloud.OffloadRequest;
import org.edgeslice.contract.cloud.SliceInfo;
import org.edgeslice.contract.cloud.TaskInfo;
import org.edgeslice.contract.mec010.lcm.CreateAppInstanceRequest;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.LocationConstraints;
import org.edgeslice.contract.mec010.lcm.MecHostInformation;
import org.edgeslice.contract.mec010.lcm.StopType;
import org.edgeslice.contract.mec010.lcm.TerminateAppRequest;
import org.edgeslice.support.json.Json;
import org.edgeslice.support.problem.ProblemException;

/**
 * The ISS (IoT service slicer): runs a structured slicing request. Slicing (steps 05-08): the ISSM makes sure the
 * slice image is in the CSFR and its package onboarded; the ISS creates and instantiates the app instance through
 * the MEO (ETSI GS MEC 010-2 Mm1) and learns completion from the MEO's LCM notifications (polling as fallback).
 * Offloading (09-11): the CISS moves the tasks into the slice. Then it reports the newly started functions
 * (12-13). Release runs backwards: final sync, terminate, delete.
 */
@ApplicationScoped
public class SliceOrchestrator {

    private static final Logger LOG = Logger.getLogger(SliceOrchestrator.class.getName());
    private static final HttpClient CALLBACKS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Inject
    CloudSettings settings;

    @Inject
    SliceManager issm;

    @Inject
    OffloadService ciss;

    @Inject
    IsclRepository repository;

    @Inject
    LcmWaiter lcm;

    @Resource
    ManagedThreadFactory threads;

    /**
     * The ISS's own threads (container-managed, so JPA and CDI work in them), not the server's default managed
     * executor: that one is shared by every application of the Payara process (all-in-one: the MEPM's LCM and
     * standby work too) and has two core threads, so an offloading-only request waited 100-250 ms in its queue
     * behind container starts. Idle threads go after a minute.
     */
    private volatile ExecutorService pool;

    private ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    // beyond 64 requests at once the caller runs it (the POST answers when it is done)
                    p = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads,
                            new ThreadPoolExecutor.CallerRunsPolicy());
                    pool = p;
                }
            }
        }
        return p;
    }

    @PreDestroy
    void stop() {
        ExecutorService p = pool;
        if (p != null) {
            p.shutdownNow();
        }
    }

    /**
     * What is known of a request before it is first saved: on path 03-2 its slice, and that structuring and slice
     * creation (04-08) are skipped. Saved with the request, so 03-2 needs no save until it completes.
     */
    public void prepare(RequestRun run, SlicingPlan plan) {
        SliceInfo slice = plan.existingSlice();
        if (slice != null) {
            run.sliceId(slice.sliceId());
            run.slice(slice);
            run.skippedUnsaved("04-08", "Request structuring and slice creation", "OFFLOADING_ONLY: slice "
                    + slice.sliceId() + " holds the functions");
        }
    }

    public void start(RequestRun run, SlicingPlan plan, String callbackBase) {
        pool().execute(() -> run(run, plan, callbackBase));
    }

    void run(RequestRun run, SlicingPlan plan, String callbackBase) {
        SliceInfo slice = plan.existingSlice();
        boolean offloadingOnly = slice != null;
        try {
            if (!offloadingOnly) {
                run.quickStep("04", "Request structured for the ISS (service, functions, target edge node)", ids -> {
                    ids.put("functions", String.join(",", plan.functions().names()));
                    ids.put("target", plan.hostId() != null ? "host " + plan.hostId()
                            : plan.location() != null ? "location " + plan.location() : "MEO placement");
                    if (!plan.addedFunctions().isEmpty()) {
                        run.log("INFO", "functions added for the tasks' synchronisation: " + plan.addedFunctions());
                    }
                    return null;
                });
                slice = createSlice(run, plan, callbackBase);
                run.startedFunctions(slice.functions());
            }
            final SliceInfo target = slice;
            // 09-10's success, 11-12, 13 and COMPLETED are one commit: they follow each other within microseconds,
            // and the handler (long poll, or Prefer: wait on its POST) is woken once, by the final state. On path
            // 03-2 the start of 09-10 is not saved either: the request was saved (04-08 SKIPPED) just before.
            RequestRun.StepWork<List<TaskInfo>> offload = ids -> {
                        List<TaskInfo> t = ciss.offload(new OffloadRequest(target.sliceId(),
                                target.endpoints().get("http"), target.cseName(), plan.tasks()), callbackBase);
                        t.forEach(x -> ids.put("task " + x.path(), x.taskId() + " (" + x.syncMode() + ")"));
                        return t;
                    };
            String name = "Tasks offloaded to the slice, synchronisation set up (CISS)";
            List<TaskInfo> tasks = offloadingOnly ? run.stepSavedWithNeighbours("09-10", name, offload)
                    : run.stepSavedWithNext("09-10", name, offload);
            run.tasks(tasks);
            run.instantStep("11-12", "Newly started functions reported to the ISS and the ISCL",
                    Map.of("startedFunctions", String.join(",", slice(run))));
            run.slice(withTasks(target, tasks));
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("sliceId", target.sliceId());
            if (target.endpoints().get("http") != null) {
                answer.put("endpoint", target.endpoints().get("http"));
            }
            run.instantStep("13", "Answer to the slicing handler", answer);
            run.completed();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "slicing request " + run.id() + " failed", e);
            int status = e instanceof ProblemException p ? p.status() : e instanceof MeoClient.MeoException ? 502 : 500;
            // The slice first: whoever sees the request FAILED (the handler's long poll) must find its slice FAILED.
            String sliceId = run.info().sliceId();
            if (sliceId != null) {
                repository.slice(sliceId).filter(s -> "INSTANTIATING".equals(s.state()))
                        .ifPresent(s -> repository.save(withState(s, "FAILED", e.getMessage())));
            }
            run.failed(status, status == 502 ? "Bad Gateway" : "Slicing failed", e.getMessage());
        }
        callback(run);
    }

    private static List<String> slice(RequestRun run) {
        return run.info().startedFunctions();
    }

    private SliceInfo createSlice(RequestRun run, SlicingPlan plan, String callbackBase) throws Exception {
        MeoClient meo = new MeoClient(settings.meoUrl());
        SliceManager.ImageResult image = run.step("05", "Slice image in the CSFR (ISSM: compose, build, push)",
                ids -> {
                    SliceManager.ImageResult r = issm.ensureImage(plan.functions());
                    ids.put("image", r.reference());
                    ids.put("built", r.built() ? "yes (build " + r.buildMillis() + " ms, push " + r.pushMillis()
                            + " ms)" : "no (in the CSFR already)");
                    return r;
                });
        SliceManager.PackageResult pkg = run.quickStep("05", "Application package onboarded at the MEO (ISSM, MEC 010-2 "
                + "app_pkgm)", ids -> {
                    SliceManager.PackageResult r = issm.ensureOnboarded(plan.functions(), image, meo, callbackBase);
                    ids.put("appDId", r.appDId());
                    ids.put("appPkgId", r.appPkgId());
                    ids.put("onboarded", r.onboardedNow() ? "now" : "already");
                    return r;
                });
        String sliceId = UUID.randomUUID().toString();
        SliceInfo slice = new SliceInfo(sliceId, "INSTANTIATING", plan.functions().names(), image.reference(),
                pkg.appDId(), pkg.appPkgId(), null, plan.hostId(), Map.of(), null, "cse-slice", List.of(),
                Instant.now().toString(), null, null);
        repository.save(slice);
        run.slice(slice);
        String instanceId = run.quickStep("05", "App instance created (MEC 010-2 AppInstances POST)", ids -> {
            JsonNode info = meo.createAppInstance(new CreateAppInstanceRequest(pkg.appDId(), "iot-slice-" + sliceId,
                    "IoT slice " + String.join(",", plan.functions().names()) + " for request " + run.id()));
            ids.put("appInstanceId", info.path("id").asText());
            return info.path("id").asText();
        });
        slice = with(slice, instanceId, plan.hostId(), Map.of(), "INSTANTIATING");
        repository.save(slice);
        run.slice(slice);
        String subscription = lcm.ensureSubscribed(meo, callbackBase);
        lcm.ensureInstanceSubscription(meo, callbackBase);
        String opId = run.quickStep("05", "Instantiation requested (MEC 010-2 InstantiateAppInstance POST)", ids -> {
            InstantiateAppRequest body = plan.hostId() != null
                    ? new InstantiateAppRequest(List.of(new MecHostInformation(plan.hostId(), null)), null, null,
                    null, null, null, null)
                    : new InstantiateAppRequest(null, locationConstraints(plan), null, null, null, null,
                    plan.location() == null ? null : new InstantiateAppRequest.RequesterLocation(
                            plan.location().latitude(), plan.location().longitude(), plan.location().zone()));
            String id = meo.instantiate(instanceId, body);
            ids.put("appLcmOpOccId", id);
            if (subscription != null) {
                ids.put("lcmSubscriptionId", subscription);
            }
            return id;
        });
        JsonNode instance = run.step("06-08", "Image pulled, slice started and ready, operation completed "
                + "(AppLcmOpOccNotification or polling)", ids -> {
                    LcmWaiter.Outcome o = lcm.await(meo, opId, settings.instantiateTimeoutSeconds());
                    ids.put("appLcmOpOccId", opId);
                    ids.put("operationState", o.state());
                    ids.put("learnedBy", o.learnedBy());
                    if (!"COMPLETED".equals(o.state())) {
                        throw new IllegalStateException("instantiation " + opId + " ended " + o.state()
                                + (o.error() == null ? "" : ": " + o.error()));
                    }
                    JsonNode info = meo.appInstance(instanceId);
                    String host = info.path("mecHostInformation").path("hostId").asText(null);
                    if (host != null) {
                        ids.put("hostId", host);
                    }
                    return info;
                });
        Map<String, String> endpoints = run.quickStep("08", "Slice endpoints resolved", ids -> {
            Map<String, String> e = SliceEndpoints.fromMepm(meo, instance, instanceId)
                    .orElseGet(() -> SliceEndpoints.resolve(instance, plan.functions()));
            ids.putAll(e);
            return e;
        });
        String host = instance.path("mecHostInformation").path("hostId").asText(plan.hostId());
        slice = with(slice, instanceId, host, endpoints, "READY");
        repository.save(slice);
        run.slice(slice);
        run.log("INFO", "slice " + sliceId + " READY on host " + host + " at " + endpoints.get("http"));
        return slice;
    }

    private static LocationConstraints locationConstraints(SlicingPlan plan) {
        if (plan.location() == null || plan.location().zone() == null) {
            return null;
        }
        // RFC 4776 CAtype 1 (national subdivision) carries the zone name the MEO matches against host zones
        return new LocationConstraints("XX", List.of(new LocationConstraints.CivicAddressElement(1,
                plan.location().zone())));
    }

    /**
     * Releases a slice: final sync of its tasks (CISS), terminate and delete its app instance through the MEO.
     * Synchronous.
     */
    public SliceInfo release(SliceInfo slice) {
        SliceInfo releasing = withState(slice, "RELEASING", null);
        repository.save(releasing);
        List<TaskInfo> returned = ciss.returnHome(slice.sliceId());
        if (slice.appInstanceId() != null) {
            MeoClient meo = new MeoClient(settings.meoUrl());
            try {
                JsonNode instance = meo.appInstance(slice.appInstanceId());
                if ("INSTANTIATED".equals(instance.path("instantiationState").asText())) {
                    String opId = meo.terminate(slice.appInstanceId(), new TerminateAppRequest(StopType.GRACEFUL, 10));
                    LcmWaiter.Outcome o = lcm.await(meo, opId, settings.instantiateTimeoutSeconds());
                    if (!"COMPLETED".equals(o.state())) {
                        throw new MeoClient.MeoException(502, "termination " + opId + " ended " + o.state());
                    }
                }
                meo.deleteAppInstance(slice.appInstanceId());
            } catch (MeoClient.MeoException e) {
                if (e.status() != 404) {
                    repository.save(withState(releasing, "RELEASING", "release incomplete: " + e.getMessage()));
                    throw new ProblemException(502, "Bad Gateway", "the MEO could not release the slice: "
                            + e.getMessage());
                }
            }
        }
        SliceInfo released = withTasks(withState(releasing, "RELEASED", "released; " + returned.size()
                + " task(s) returned home"), returned);
        repository.save(released);
        return released;
    }

    private void callback(RequestRun run) {
        String uri = run.request().callbackUri();
        if (uri == null) {
            return;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(run.info())))
                        .build();
                if (CALLBACKS.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException e) {
                LOG.fine(() -> "callback to " + uri + " failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(500L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warning(() -> "the handler's callback " + uri + " did not accept the result of " + run.id());
    }

    static SliceInfo with(SliceInfo s, String appInstanceId, String hostId, Map<String, String> endpoints,
                          String state) {
        return new SliceInfo(s.sliceId(), state, s.functions(), s.image(), s.appDId(), s.appPkgId(), appInstanceId,
                hostId, endpoints, "/id-slice", s.cseName(), s.tasks(), s.createdAt(), s.detail(), s.links());
    }

    static SliceInfo withState(SliceInfo s, String state, String detail) {
        return new SliceInfo(s.sliceId(), state, s.functions(), s.image(), s.appDId(), s.appPkgId(),
                s.appInstanceId(), s.hostId(), s.endpoints(), s.cseId(), s.cseName(), s.tasks(), s.createdAt(),
                detail, s.links());
    }

    static SliceInfo withTasks(SliceInfo s, List<TaskInfo> tasks) {
        return new SliceInfo(s.sliceId(), s.state(), s.functions(), s.image(), s.appDId(), s.appPkgId(),
                s.appInstanceId(), s.hostId(), s.endpoints(), s.cseId(), s.cseName(), new ArrayList<>(tasks),
                s.createdAt(), s.detail(), s.links());
    }

    static Map<String, String> copy(Map<String, String> m) {
        return new LinkedHashMap<>(m);
    }
}

package org.edgeslice.handler.procedure;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.edgeslice.handler.iscl.IsclClient;
import org.edgeslice.handler.iscl.IsclException;
import org.edgeslice.handler.iscl.IsclOutcome;
import org.edgeslice.handler.iscl.IsclProgress;
import org.edgeslice.handler.iscl.IsclRequest;
import org.edgeslice.handler.request.DeviceRequest;
import org.edgeslice.handler.request.RequestState;
import org.edgeslice.handler.request.SliceAssignment;
import org.edgeslice.handler.request.SlicingPath;
import org.edgeslice.handler.request.SlicingRequest;
import org.edgeslice.handler.request.StepRecord;
import org.edgeslice.handler.slice.SliceEntry;
import org.edgeslice.handler.slice.SliceTable;
import org.edgeslice.handler.store.HandlerStore;

/**
 * The handler's part of the 15-step procedure (Hwang et al. 2021, Fig. 7): 01 accept the device's request, 02 match
 * its functions against the slice table, 03-1/03-2 ask the ISCL (whose steps 04-12 are merged into the trace), 13
 * update the slice table, 14 give the device its endpoints. Also the way back: a device ends its use (DELETE), a
 * slice idle for {@code idle} is released through the ISCL, a slice that vanished marks its requests RELEASED.
 *
 * <p>Every change of a request is persisted ({@link HandlerStore}) before it is visible through the API.
 */
public final class SlicingProcedure implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SlicingProcedure.class.getName());
    static final List<String> SKIPPED_ON_REUSE = List.of("04", "05", "06", "07", "08");

    private final HandlerStore store;
    private final SliceTable table;
    private final IsclClient iscl;
    private final Clock clock;
    private final String hostId;
    private final Duration idle;
    private final Map<String, SlicingRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, InFlight> inflight = new LinkedHashMap<>();
    /**
     * Per request, a change not saved (and so not visible) yet, applied before the next change of that request and
     * saved with it: the steps 02 and 03-2 before the ISCL's answer.
     */
    private final Map<String, UnaryOperator<SlicingRequest>> unsaved = new ConcurrentHashMap<>();
    /** Long polls waiting for the next change of a request. */
    private final Map<String, List<Runnable>> watchers = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService sweeper;
    private volatile String requester;
    private volatile boolean closed;

    public SlicingProcedure(HandlerStore store, SliceTable table, IsclClient iscl, Clock clock, String hostId,
                            String requester, Duration idle, int workerThreads) {
        this.store = store;
        this.table = table;
        this.iscl = iscl;
        this.clock = clock;
        this.hostId = hostId;
        this.requester = requester;
        this.idle = idle;
        store.requests().forEach(r -> requests.put(r.id(), r));
        this.workers = Executors.newFixedThreadPool(workerThreads, r -> {
            Thread t = new Thread(r, "handler-worker");
            t.setDaemon(true);
            return t;
        });
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "handler-idle-sweeper");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(200, Math.min(30_000, idle.toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::sweepIdleSlices, period, period, TimeUnit.MILLISECONDS);
    }

    public SliceTable table() {
        return table;
    }

    public void requester(String appInstanceId) {
        this.requester = appInstanceId;
    }

    // ---- device API -------------------------------------------------------------------------------------------

    /** Step 01: the request is persisted (PROCESSING) and the rest runs in the background. */
    public SlicingRequest submit(DeviceRequest device, Instant received) {
        String now = clock.instant().toString();
        StepRecord s01 = StepRecord.started("01", "Device request received by the slicing handler", received)
                .end(StepRecord.SUCCEEDED, clock.instant(), "device " + device.deviceId() + " asks for "
                        + device.functions() + " for " + device.tasks().size() + " task(s)", Map.of("deviceId",
                        device.deviceId()));
        SlicingRequest r = new SlicingRequest(UUID.randomUUID().toString(), device, RequestState.PROCESSING, null,
                List.of(s01), null, null, received.toString(), now, null);
        synchronized (this) {
            store.saveRequest(r);
            requests.put(r.id(), r);
        }
        workers.execute(() -> run(r.id()));
        return r;
    }

    public Optional<SlicingRequest> get(String id) {
        return Optional.ofNullable(requests.get(id));
    }

    /**
     * Runs {@code listener} once, at the next saved change of request {@code id} (or its deletion): a device's long
     * poll. Registered before the caller looks at the request again, so no change slips in between.
     */
    public void onNextChange(String id, Runnable listener) {
        watchers.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** A long poll that ended otherwise (timeout). */
    public void forget(String id, Runnable listener) {
        watchers.computeIfPresent(id, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    private void changed(String id) {
        List<Runnable> due = watchers.remove(id);
        if (due != null) {
            due.forEach(Runnable::run);
        }
    }

    public List<SlicingRequest> list() {
        List<SlicingRequest> all = new ArrayList<>(requests.values());
        all.sort(Comparator.comparing(SlicingRequest::createdAt).thenComparing(SlicingRequest::id));
        return all;
    }

    /** The device ends its use: the request goes; its slice loses a user (released once idle). */
    public boolean delete(String id) {
        SlicingRequest r;
        synchronized (this) {
            r = requests.get(id);
            if (r == null) {
                return false;
            }
            store.deleteRequest(id);
            requests.remove(id);
            unsaved.remove(id);
        }
        changed(id);
        if (r.slice() != null) {
            table.detach(r.slice().appInstanceId(), id, clock.instant());
        }
        if (idle.isZero()) {
            sweeper.execute(this::sweepIdleSlices);
        }
        return true;
    }

    // ---- steps 02-14 ------------------------------------------------------------------------------------------

    private void run(String id) {
        try {
            runSteps(id);
        } finally {
            InFlight mine;
            synchronized (inflight) {
                mine = inflight.remove(id);
            }
            if (mine != null) {
                mine.done().complete(null); // requests waiting for this slice look at the table again
            }
        }
    }

    /** A SLICING request under way: requests for a subset of its functions wait for it instead of a second slice. */
    private record InFlight(Set<String> functions, CompletableFuture<Void> done) {
    }

    private void runSteps(String id) {
        SlicingRequest r = requests.get(id);
        if (r == null) {
            return; // deleted before it started
        }
        Instant t2 = clock.instant();
        Optional<SliceEntry> covering;
        List<String> waitedFor = new ArrayList<>();
        while (true) {
            InFlight pending = null;
            synchronized (inflight) {
                covering = table.covering(r.request().functions());
                if (covering.isEmpty()) {
                    pending = inflight.entrySet().stream()
                            .filter(e -> !e.getKey().equals(id) && e.getValue().functions()
                                    .containsAll(r.request().functions()))
                            .peek(e -> waitedFor.add(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
                    if (pending == null) {
                        inflight.put(id, new InFlight(Set.copyOf(r.request().functions()), new CompletableFuture<>()));
                    }
                }
            }
            if (pending == null || waitedFor.size() > 3) {
                break;
            }
            try {
                pending.done().get(15, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                break;
            }
        }
        SlicingPath path = covering.isPresent() ? SlicingPath.OFFLOADING_ONLY : SlicingPath.SLICING;
        String waited = waitedFor.isEmpty() ? "" : " (after waiting for request(s) " + waitedFor
                + " creating a slice with these functions)";
        StepRecord s02 = StepRecord.started("02", "Slice table lookup", t2).end(StepRecord.SUCCEEDED, clock.instant(),
                covering.map(e -> "covered by slice " + e.appInstanceId() + " serving " + sorted(e.functions()) + waited)
                        .orElse("no running slice on this host serves " + r.request().functions() + waited),
                covering.map(e -> ids("appInstanceId", e.appInstanceId(), "sliceId", e.sliceId(), "hostId",
                        e.hostId())).orElse(null));
        String n03 = path == SlicingPath.SLICING ? "03-1" : "03-2";
        String name03 = path == SlicingPath.SLICING
                ? "IoT function generation and task offloading request to the ISCL"
                : "Offloading-only request to the ISCL (steps 04-08 skipped)";
        StepRecord s03 = StepRecord.started(n03, name03, clock.instant());
        UnaryOperator<SlicingRequest> started = x -> x.withPath(path, now()).withStep(s02, now()).withStep(s03, now());
        if (path == SlicingPath.OFFLOADING_ONLY) {
            // saved with the ISCL's answer (milliseconds later), not on its own: one fsync less before step 14. A
            // crash in between leaves the request as it was (step 01) and it is run again after the restart, which
            // is harmless for offloading only: the same task offloaded again to the same slice changes nothing
            synchronized (this) {
                if (requests.get(id) == null || closed) {
                    return;
                }
                unsaved.put(id, started);
            }
        } else if (update(id, started) == null) {
            return; // a new slice: the path is saved before the ISCL is asked, so a restart never asks twice
        }
        IsclRequest request = new IsclRequest(id, path, r.request(),
                covering.map(e -> e.sliceId() != null ? e.sliceId() : e.appInstanceId()).orElse(null), hostId,
                requester);
        IsclOutcome outcome;
        Progress progress = progress(id, n03);
        try {
            outcome = iscl.submit(request, progress);
        } catch (IsclException e) {
            if (path == SlicingPath.OFFLOADING_ONLY && (e.status() == 404 || e.status() == 409)) {
                // the table was stale (the slice is gone or not usable at the cloud): take path 03-1 instead
                LOG.log(Level.INFO, "request {0}: ISCL refused offloading only ({1}); asking for a new slice", id,
                        e.getMessage());
                // 404: gone; 409: not READY at the cloud (stopped, failed, being released): either way this handler
                // must not offer it again, or every later request would try it first
                covering.ifPresent(c -> table.remove(c.appInstanceId()).ifPresent(this::sliceGone));
                update(id, x -> x.withStep(x.step(n03).end(StepRecord.FAILED, clock.instant(), e.getMessage()
                        + "; falling back to 03-1", null), now()).withPath(SlicingPath.SLICING, now()));
                sliceAfterRefusal(id, r.request());
                return;
            }
            LOG.log(Level.WARNING, "request {0}: ISCL failed: {1}", id, e.getMessage());
            fail(id, n03, e.getMessage());
            return;
        } catch (RuntimeException e) { // a bug: the request fails, the handler goes on
            LOG.log(Level.ERROR, "request " + id + ": ISCL call failed", e);
            fail(id, n03, e.toString());
            return;
        }
        finish(id, outcome, progress.withOutcome);
    }

    /** Step 03-1 after a refused 03-2. */
    private void sliceAfterRefusal(String id, DeviceRequest device) {
        StepRecord s03 = StepRecord.started("03-1", "IoT function generation and task offloading request to the ISCL",
                clock.instant());
        if (update(id, x -> x.withStep(s03, now())) == null) {
            return;
        }
        IsclOutcome outcome;
        Progress progress = progress(id, "03-1");
        try {
            outcome = iscl.submit(new IsclRequest(id, SlicingPath.SLICING, device, null, hostId, requester),
                    progress);
        } catch (RuntimeException e) {
            fail(id, "03-1", e.getMessage());
            return;
        }
        finish(id, outcome, progress.withOutcome);
    }

    /** After a restart: requests still PROCESSING continue where they can. */
    public void resumeAfterRestart() {
        for (SlicingRequest r : list()) {
            if (r.state() != RequestState.PROCESSING) {
                continue;
            }
            String n03 = r.path() == SlicingPath.OFFLOADING_ONLY ? "03-2" : "03-1";
            if (r.isclRequest() != null) {
                LOG.log(Level.INFO, "request {0}: following ISCL request {1} after restart", r.id(), r.isclRequest());
                workers.execute(() -> {
                    try {
                        finish(r.id(), iscl.follow(r.isclRequest(), progress(r.id(), n03)), null);
                    } catch (RuntimeException e) {
                        fail(r.id(), n03, "after a handler restart: " + e.getMessage());
                    }
                });
            } else if (r.path() == null) {
                workers.execute(() -> run(r.id())); // nothing was asked of the ISCL yet
            } else {
                // the ISCL may or may not have received it; asking again could create a second slice
                fail(r.id(), n03, "the handler restarted before the ISCL confirmed the request; ask again");
            }
        }
    }

    private Progress progress(String id, String n03) {
        return new Progress(id, n03);
    }

    /** Saves the ISCL's progress as it comes; a reference that came with the outcome waits for {@link #finish}. */
    private final class Progress implements IsclProgress {
        private final String id;
        private final String n03;
        private volatile String withOutcome;

        Progress(String id, String n03) {
            this.id = id;
            this.n03 = n03;
        }

        @Override
        public void accepted(String reference) {
            update(id, x -> accept(x, reference, n03, "accepted by the ISCL"));
        }

        @Override
        public void acceptedWithOutcome(String reference) {
            withOutcome = reference; // saved in the same write as the outcome: one fsync less before step 14
        }

        @Override
        public void steps(List<StepRecord> steps) {
            update(id, x -> x.withSteps(steps, now()));
        }
    }

    private SlicingRequest accept(SlicingRequest x, String reference, String n03, String detail) {
        StepRecord s = x.step(n03);
        SlicingRequest y = x.withIsclRequest(reference, now());
        return s == null || !StepRecord.IN_PROGRESS.equals(s.outcome()) ? y
                : y.withStep(s.end(StepRecord.SUCCEEDED, clock.instant(), detail, ids("isclRequest", reference)),
                now());
    }

    /**
     * Steps 13-14 (or the failure). The ISCL's trace, the slice table and the request's outcome are written once
     * each: every write is an fsync the device would wait for.
     *
     * @param reference the ISCL request when it came with the outcome and is not saved yet, else null
     */
    private void finish(String id, IsclOutcome outcome, String reference) {
        SlicingRequest r = current(id);
        if (r == null) {
            return;
        }
        String n03 = r.path() == SlicingPath.OFFLOADING_ONLY ? "03-2" : "03-1";
        List<StepRecord> merged = new ArrayList<>(outcome.steps());
        if (r.path() == SlicingPath.OFFLOADING_ONLY) {
            for (String n : SKIPPED_ON_REUSE) {
                if (merged.stream().noneMatch(s -> s.step().equals(n))) {
                    merged.add(new StepRecord(n, skippedName(n), StepRecord.SKIPPED, null, null, null,
                            "a running slice covers the functions (path 03-2)", null));
                }
            }
        }
        UnaryOperator<SlicingRequest> answered = x -> {
            SlicingRequest y = reference == null ? x : accept(x, reference, n03, "accepted and answered by the ISCL");
            y = y.withSteps(merged, now());
            StepRecord s03 = y.step(n03);
            if (s03 != null && StepRecord.IN_PROGRESS.equals(s03.outcome())) {
                y = y.withStep(s03.end(StepRecord.SUCCEEDED, clock.instant(), "answered by the ISCL", null), now());
            }
            return y;
        };
        if (!outcome.completed()) {
            update(id, answered);
            fail(id, null, outcome.error());
            return;
        }
        if (closed) {
            update(id, answered);
            return;
        }
        Instant t13 = clock.instant();
        SliceEntry reported = outcome.slice();
        if (reported.hostId() == null && hostId != null) {
            reported = new SliceEntry(reported.appInstanceId(), reported.sliceId(), hostId, reported.functions(),
                    reported.endpoints(), reported.services(), reported.users(), reported.lastUsedAt(), false,
                    reported.cseId(), reported.cseName());
        }
        SliceEntry entry = table.recordServing(reported, id, t13);
        StepRecord s13 = StepRecord.started("13", "Slice table update", t13).end(StepRecord.SUCCEEDED, clock.instant(),
                "slice " + entry.appInstanceId() + " serves " + sorted(entry.functions())
                        + (outcome.startedFunctions().isEmpty() ? "" : "; started " + outcome.startedFunctions()),
                ids("appInstanceId", entry.appInstanceId(), "sliceId", entry.sliceId(), "hostId", entry.hostId()));
        Instant t14 = clock.instant();
        SliceAssignment assignment = assignment(entry, r.request().functions());
        SlicingRequest done = update(id, x -> answered.apply(x).withStep(s13, now()).withSlice(assignment, now())
                .withStep(StepRecord.started("14", "Edge endpoints returned to the device", t14)
                        .end(StepRecord.SUCCEEDED, clock.instant(), "device uses " + assignment.endpoints(),
                                ids("appInstanceId", entry.appInstanceId(), "hostId", entry.hostId())), now())
                .with(RequestState.COMPLETED, now()));
        if (done == null) {
            table.detach(entry.appInstanceId(), id, clock.instant()); // deleted while the ISCL worked
        }
        LOG.log(Level.INFO, "request {0} COMPLETED on slice {1} ({2})", id, entry.appInstanceId(), r.path());
    }

    static SliceAssignment assignment(SliceEntry e, List<String> functions) {
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (String f : functions) {
            String uri = e.endpoints().get(f);
            if (uri == null && f.equals("data-management")) {
                uri = e.endpoints().get("registration");
            }
            if (uri == null) {
                uri = e.pointOfAccess();
            }
            if (uri != null) {
                endpoints.put(f, uri);
            }
        }
        String poa = e.pointOfAccess() != null ? e.pointOfAccess()
                : endpoints.values().stream().findFirst().orElse(null);
        return new SliceAssignment(e.sliceId(), e.appInstanceId(), e.hostId(), poa, endpoints, List.copyOf(functions),
                e.cseId(), e.cseName());
    }

    private void fail(String id, String openStep, String detail) {
        update(id, x -> {
            SlicingRequest y = x;
            // close every step still open as FAILED, so the trace shows where it stopped
            for (StepRecord s : x.steps()) {
                if (StepRecord.IN_PROGRESS.equals(s.outcome()) && (openStep == null || s.step().equals(openStep))) {
                    y = y.withStep(s.end(StepRecord.FAILED, clock.instant(), detail, null), now());
                }
            }
            return y.withDetail(detail, now()).with(RequestState.FAILED, now());
        });
    }

    // ---- slices going away ------------------------------------------------------------------------------------

    /** Idle slices (no users for {@code idle}) are released through the ISCL: final sync, terminate, delete. */
    public void sweepIdleSlices() {
        try {
            // A slice announced by the MEC platform (service ADDED) before the ISCL's answer reached step 13 has no
            // sliceId and no user yet: while a request is still creating a slice, such an entry is that request's
            // slice, not an idle one.
            boolean creating = list().stream().anyMatch(r -> r.state() == RequestState.PROCESSING
                    && r.path() == SlicingPath.SLICING);
            for (SliceEntry e : table.idleSince(clock.instant(), idle)) {
                if (creating && e.sliceId() == null) {
                    continue;
                }
                if (table.startRelease(e.appInstanceId())) {
                    workers.execute(() -> release(e));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "idle sweep failed", e);
        }
    }

    private void release(SliceEntry e) {
        LOG.log(Level.INFO, "releasing idle slice {0} ({1})", e.appInstanceId(), e.sliceId());
        try {
            iscl.release(e);
            table.remove(e.appInstanceId()).ifPresent(this::sliceGone);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "release of slice {0} failed, retried after the idle time: {1}", e.appInstanceId(),
                    ex.getMessage());
            table.releaseFailed(e.appInstanceId(), clock.instant());
        }
    }

    /** A slice left the table (released, or its services vanished): requests it served are RELEASED. */
    public void sliceGone(SliceEntry e) {
        for (SlicingRequest r : list()) {
            if (r.slice() != null && e.appInstanceId().equals(r.slice().appInstanceId())
                    && r.state() == RequestState.COMPLETED) {
                update(r.id(), x -> x.withDetail("slice " + e.appInstanceId() + " is no longer running", now())
                        .with(RequestState.RELEASED, now()));
            }
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    /**
     * Applies a change (after a change kept back for it, see {@link #unsaved}), persists it, then makes it visible;
     * null if the request no longer exists.
     */
    private synchronized SlicingRequest update(String id, UnaryOperator<SlicingRequest> change) {
        SlicingRequest cur = requests.get(id);
        UnaryOperator<SlicingRequest> keptBack = unsaved.remove(id);
        if (cur == null || closed) {
            return null; // deleted, or shutting down: a worker still running must not write any more
        }
        SlicingRequest next = change.apply(keptBack == null ? cur : keptBack.apply(cur));
        store.saveRequest(next);
        requests.put(id, next);
        changed(id); // the listeners only hand the answer to another thread
        return next;
    }

    /** A request as the worker sees it: what is saved, with a change kept back for the next save applied. */
    private synchronized SlicingRequest current(String id) {
        SlicingRequest cur = requests.get(id);
        UnaryOperator<SlicingRequest> keptBack = unsaved.get(id);
        return cur == null || keptBack == null ? cur : keptBack.apply(cur);
    }

    private String now() {
        return clock.instant().toString();
    }

    private static Map<String, String> ids(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    private static List<String> sorted(java.util.Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static String skippedName(String n) {
        return switch (n) {
            case "04" -> "ISCL structures the request and sends it to the ISS";
            case "05" -> "ISS: slice image, package and app instance through the MEO";
            case "06" -> "MEPM pulls the slice image from the CSFR";
            case "07" -> "MEPM starts the slice; the slice registers with the MEC platform";
            default -> "LCM operation occurrence completes";
        };
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        sweeper.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

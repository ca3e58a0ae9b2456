package org.edgeslice.meo.lcm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.TimeStamp;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.contract.mec010.lcm.CreateAppInstanceRequest;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.InstantiationState;
import org.edgeslice.contract.mec010.lcm.LcmOperation;
import org.edgeslice.contract.mec010.lcm.MecHostInformation;
import org.edgeslice.contract.mec010.lcm.OperateAppRequest;
import org.edgeslice.contract.mec010.lcm.OperationState;
import org.edgeslice.contract.mec010.lcm.OperationalState;
import org.edgeslice.contract.mec010.lcm.StopType;
import org.edgeslice.contract.mec010.lcm.TerminateAppRequest;
import org.edgeslice.contract.mec010.pkgm.AppD;
import org.edgeslice.contract.mec010.pkgm.AppPkgOperationalState;
import org.edgeslice.contract.mec010.pkgm.VirtualComputeDescriptor;
import org.edgeslice.meo.common.Ids;
import org.edgeslice.meo.common.Problems;
import org.edgeslice.meo.common.Transactions;
import org.edgeslice.meo.host.HostInventory;
import org.edgeslice.meo.host.Placement;
import org.edgeslice.meo.pkgm.AppPackage;
import org.edgeslice.support.problem.ProblemException;

/**
 * Application lifecycle management at the MEO (ETSI GS MEC 010-2 clause 5.3 / 7.4): instance resources, the
 * instantiate / terminate / operate tasks and their op occurrences, and the orchestration behind them: place
 * the instance on a host, delegate to that host's MEPM over Mm3, follow the MEPM's op occurrence to its end.
 *
 * <p>Each task is acknowledged (202) only after its op occurrence is stored as STARTING; the work then runs on
 * the executor. Every step's outcome (PROCESSING, the chosen host, the MEPM op occurrence id, the final state)
 * is stored before the next step starts, and the MEPM calls are idempotent, so {@link #recover()} after a
 * restart simply runs the open op occurrences again from their last mark. Whatever cannot finish ends in
 * FAILED_TEMP, from where retry or fail take over; nothing stays PROCESSING.
 */
public class LcmOrchestrator {

    private static final Logger LOG = Logger.getLogger(LcmOrchestrator.class.getName());

    /** Timing knobs. */
    public record Settings(long operationTimeoutMillis, long pollMaxIntervalMillis) {
    }

    private final LcmStore store;
    private final PackageCatalog packages;
    private final HostInventory hosts;
    private final Placement placement;
    private final MepmGateway mepm;
    private final LcmNotifications notifications;
    private final Transactions tx;
    private final Executor executor;
    private final Settings settings;

    private final Map<String, Object> instanceLocks = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Semaphore> wakeups = new ConcurrentHashMap<>();
    /** MEPM op occurrence id -> the MEO op occurrence waiting for it. */
    private final Map<String, String> following = new ConcurrentHashMap<>();

    public LcmOrchestrator(LcmStore store, PackageCatalog packages, HostInventory hosts, Placement placement,
                           MepmGateway mepm, LcmNotifications notifications, Transactions tx, Executor executor,
                           Settings settings) {
        this.store = store;
        this.packages = packages;
        this.hosts = hosts;
        this.placement = placement;
        this.mepm = mepm;
        this.notifications = notifications;
        this.tx = tx;
        this.executor = executor;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ instances

    /** POST app_instances (clause 7.4.2.3.4). */
    public AppInstance create(CreateAppInstanceRequest request) {
        Problems.require(request, "body");
        Problems.require(request.appDId(), "appDId");
        if (request.appInstanceId() != null) {
            throw ProblemException.badRequest("'appInstanceId' is not an attribute of CreateAppInstanceRequest on Mm1; "
                    + "the MEO assigns the id");
        }
        AppPackage pkg = packages.onboarded(request.appDId()).orElseThrow(() ->
                ProblemException.notFound("No onboarded application package with appDId " + request.appDId()));
        if (pkg.operationalState() != AppPkgOperationalState.ENABLED) {
            throw ProblemException.conflict("The package of appDId " + request.appDId() + " is DISABLED");
        }
        AppD d = pkg.appD();
        AppInstance inst = new AppInstance(Ids.next(), request.appInstanceName(), request.appInstanceDescription(),
                d.appDId(), pkg.id(), d.appName(), d.appProvider(), d.appSoftVersion(), d.appDVersion(),
                InstantiationState.NOT_INSTANTIATED, null, null, null, TimeStamp.now());
        tx.run(() -> {
            store.save(inst);
            packages.setUsage(pkg.id(), true);
            notifications.instanceCreated(inst);
        });
        return inst;
    }

    public List<AppInstance> instances() {
        return store.committedInstances();
    }

    public AppInstance instance(String id) {
        return store.instance(id).orElseThrow(() -> ProblemException.notFound("No app instance " + id));
    }

    /** DELETE app_instances/{id} (clause 7.4.3.3.5): only a NOT_INSTANTIATED instance with no open operation. */
    public void delete(String id) {
        synchronized (lock(id)) {
            AppInstance inst = instance(id);
            if (inst.isInstantiated()) {
                throw ProblemException.conflict("App instance " + id + " is INSTANTIATED; terminate it first");
            }
            openOp(id).ifPresent(op -> {
                throw ProblemException.conflict("App instance " + id + " has operation " + op.id() + " in state "
                        + op.state() + "; fail or retry it first");
            });
            tx.run(() -> {
                store.deleteInstance(id);
                boolean stillUsed = store.instances().stream().anyMatch(i -> i.appPkgId().equals(inst.appPkgId()));
                packages.setUsage(inst.appPkgId(), stillUsed);
                notifications.instanceDeleted(inst);
            });
        }
    }

    // ------------------------------------------------------------------ tasks

    /** POST app_instances/{id}/instantiate (clause 7.4.4.3.1). */
    public OpOcc instantiate(String id, InstantiateAppRequest request) {
        Problems.require(request, "body");
        if (request.selectedMECHostInfo() != null) {
            for (MecHostInformation h : request.selectedMECHostInfo()) {
                Problems.require(h, "selectedMECHostInfo[]");
                if (hosts.host(h.hostId()).isEmpty()) {
                    throw ProblemException.notFound("selectedMECHostInfo names MEC host " + h.hostId()
                            + ", which is not registered");
                }
            }
        }
        if (request.locationConstraints() != null) {
            Problems.require(request.locationConstraints().countryCode(), "locationConstraints.countryCode");
        }
        return startTask(id, inst -> {
            if (inst.isInstantiated()) {
                throw ProblemException.conflict("App instance " + id + " is already INSTANTIATED");
            }
        }, inst -> {
            AppPackage pkg = packages.byId(inst.appPkgId()).orElseThrow(() ->
                    ProblemException.conflict("The package of app instance " + id + " no longer exists"));
            if (pkg.operationalState() != AppPkgOperationalState.ENABLED) {
                throw ProblemException.conflict("The package " + pkg.id() + " of app instance " + id + " is DISABLED");
            }
            return OpOcc.starting(Ids.next(), id, LcmOperation.INSTANTIATE, request, null, null, null);
        });
    }

    /** POST app_instances/{id}/terminate (clause 7.4.5.3.1). */
    public OpOcc terminate(String id, TerminateAppRequest request) {
        Problems.require(request, "body");
        Problems.require(request.terminationType(), "terminationType");
        if (request.gracefulTerminationTimeout() != null && request.gracefulTerminationTimeout() < 0) {
            throw ProblemException.badRequest("gracefulTerminationTimeout must be >= 0 (seconds)");
        }
        if (request.terminationType() == StopType.FORCEFUL && request.gracefulTerminationTimeout() != null) {
            throw ProblemException.badRequest("gracefulTerminationTimeout applies to GRACEFUL termination only");
        }
        return startTask(id, LcmOrchestrator::requireInstantiated,
                inst -> OpOcc.starting(Ids.next(), id, LcmOperation.TERMINATE, null, request, null, inst.hostId()));
    }

    /** POST app_instances/{id}/operate (clause 7.4.6.3.1). */
    public OpOcc operate(String id, OperateAppRequest request) {
        Problems.require(request, "body");
        Problems.require(request.changeStateTo(), "changeStateTo");
        if (request.gracefulStopTimeout() != null && request.gracefulStopTimeout() < 0) {
            throw ProblemException.badRequest("gracefulStopTimeout must be >= 0 (seconds)");
        }
        if (request.changeStateTo() == OperationalState.STARTED && (request.stopType() != null
                || request.gracefulStopTimeout() != null)) {
            throw ProblemException.badRequest("stopType and gracefulStopTimeout apply to changeStateTo STOPPED only");
        }
        return startTask(id, inst -> {
            requireInstantiated(inst);
            if (inst.operationalState() == request.changeStateTo()) {
                throw ProblemException.conflict("App instance " + id + " is already " + request.changeStateTo());
            }
        }, inst -> OpOcc.starting(Ids.next(), id, LcmOperation.OPERATE, null, null, request, inst.hostId()));
    }

    /**
     * The common course of a task POST: under the instance's lock, {@code check} its state (409), refuse a second
     * open operation (409), build the STARTING op occurrence ({@code starting} may still refuse), store it, and
     * only then hand it to a worker, so the 202 is sent for an operation that is already recorded.
     */
    private OpOcc startTask(String id, Consumer<AppInstance> check, Function<AppInstance, OpOcc> starting) {
        OpOcc op;
        synchronized (lock(id)) {
            AppInstance inst = instance(id);
            check.accept(inst);
            requireNoOpenOp(id);
            op = starting.apply(inst);
            record(op, inst);
        }
        submit(op.id());
        return op;
    }

    private static void requireInstantiated(AppInstance inst) {
        if (!inst.isInstantiated()) {
            throw ProblemException.conflict("App instance " + inst.id() + " is NOT_INSTANTIATED");
        }
    }

    // ------------------------------------------------------------------ op occurrences

    public List<OpOcc> ops() {
        return store.ops();
    }

    public OpOcc op(String id) {
        return store.op(id).orElseThrow(() -> ProblemException.notFound("No LCM operation occurrence " + id));
    }

    /** POST app_lcm_op_occs/{id}/cancel (v3.x clause 7.4.11): only while STARTING or PROCESSING. */
    public OpOcc cancel(String opId, StopType mode) {
        Problems.require(mode, "cancelMode");
        OpOcc op = op(opId);
        synchronized (lock(op.appInstanceId())) {
            op = op(opId);
            if (!op.isRunning()) {
                throw ProblemException.conflict("Operation " + opId + " is " + op.state()
                        + "; only STARTING or PROCESSING operations can be cancelled");
            }
            OpOcc requested = op.cancelRequested();
            tx.run(() -> store.save(requested));
            op = requested;
        }
        if (!running.contains(opId)) {
            // nobody is working on it (e.g. queued behind a restart): settle it now
            finishCancelled(opId);
        } else {
            wake(opId);
        }
        return op(opId);
    }

    /** POST app_lcm_op_occs/{id}/fail (v3.x clause 7.4.12): FAILED_TEMP -> FAILED, the resources are given back. */
    public OpOcc fail(String opId) {
        OpOcc op = op(opId);
        synchronized (lock(op.appInstanceId())) {
            op = op(opId);
            if (op.state() != OperationState.FAILED_TEMP) {
                throw ProblemException.conflict("Operation " + opId + " is " + op.state() + "; only FAILED_TEMP can be failed");
            }
            AppInstance inst = store.instance(op.appInstanceId()).orElse(null);
            OpOcc failed = op.to(OperationState.FAILED, op.error());
            tx.run(() -> {
                store.save(failed);
                if (failed.operation() == LcmOperation.INSTANTIATE && inst != null && !inst.isInstantiated()) {
                    hosts.release(inst.id());
                }
                if (inst != null) {
                    notifications.opChanged(failed, inst);
                }
            });
            return failed;
        }
    }

    /** POST app_lcm_op_occs/{id}/retry (v3.x clause 7.4.13): FAILED_TEMP -> PROCESSING, run again. */
    public OpOcc retry(String opId) {
        OpOcc op = op(opId);
        OpOcc retried;
        synchronized (lock(op.appInstanceId())) {
            op = op(opId);
            if (op.state() != OperationState.FAILED_TEMP) {
                throw ProblemException.conflict("Operation " + opId + " is " + op.state() + "; only FAILED_TEMP can be retried");
            }
            retried = op.retried();
            record(retried, store.instance(op.appInstanceId()).orElse(null));
        }
        submit(opId);
        return retried;
    }

    /** After a restart: every STARTING or PROCESSING op occurrence is run again from its last stored mark. */
    public int recover() {
        int n = 0;
        for (OpOcc op : store.ops()) {
            if (op.isRunning()) {
                submit(op.id());
                n++;
            }
        }
        return n;
    }

    /** A MEPM reported a change of its op occurrence (Mm3 notification): the waiting step looks at once. */
    public void mepmOpChanged(String mepmOpOccId) {
        String opId = mepmOpOccId == null ? null : following.get(mepmOpOccId);
        if (opId != null) {
            wake(opId);
        }
    }

    /**
     * A MEPM reported an instance state change nobody asked for (e.g. the container died): the MEO's instance
     * follows when no operation of its own is open on it.
     */
    public void mepmInstanceChanged(String appInstanceId, String state) {
        synchronized (lock(appInstanceId)) {
            AppInstance inst = store.instance(appInstanceId).orElse(null);
            if (inst == null || !inst.isInstantiated() || openOp(appInstanceId).isPresent()) {
                return;
            }
            OperationalState next = "STOPPED".equals(state) || "NOT_INSTANTIATED".equals(state) ? OperationalState.STOPPED
                    : "STARTED".equals(state) ? OperationalState.STARTED : null;
            if (next != null && next != inst.operationalState()) {
                AppInstance changed = inst.withOperationalState(next);
                tx.run(() -> {
                    store.save(changed);
                    notifications.instanceStateChanged(changed);
                });
            }
        }
    }

    // ------------------------------------------------------------------ the work

    private void submit(String opId) {
        executor.execute(() -> run(opId));
    }

    /** Runs one op occurrence to a final or FAILED_TEMP state. Safe to call again for the same id. */
    public void run(String opId) {
        if (!running.add(opId)) {
            return;
        }
        try {
            execute(opId);
        } catch (Cancelled c) {
            finishCancelled(opId);
        } catch (Stopping s) {
            // the MEO is shutting down: the op stays as stored (PROCESSING) and recover() resumes it at the next start
            LOG.info(() -> "operation " + opId + " left for resumption: the MEO is stopping");
        } catch (MepmGateway.MepmException e) {
            failTemp(opId, Problems.problem(503, "MEPM unavailable", e.getMessage()));
        } catch (ProblemException e) {
            failTemp(opId, e.toProblemDetails(null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "operation " + opId + " failed", e);
            failTemp(opId, Problems.problem(500, "Orchestration error", String.valueOf(e)));
        } finally {
            running.remove(opId);
            wakeups.remove(opId);
        }
    }

    private void execute(String opId) {
        OpOcc op = store.op(opId).orElse(null);
        if (op == null || !op.isRunning()) {
            return;
        }
        if (op.cancelPending()) {
            throw new Cancelled();
        }
        if (op.state() == OperationState.STARTING) {
            op = update(opId, o -> o.to(OperationState.PROCESSING, null), true);
        }
        switch (op.operation()) {
            case INSTANTIATE -> runInstantiate(op);
            case TERMINATE -> runTerminate(op);
            case OPERATE -> runOperate(op);
            default -> throw new IllegalStateException(op.operation().name());
        }
    }

    private void runInstantiate(OpOcc op) {
        AppInstance inst = store.instance(op.appInstanceId()).orElseThrow();
        AppPackage pkg = packages.byId(inst.appPkgId()).orElseThrow(() ->
                ProblemException.conflict("the package " + inst.appPkgId() + " no longer exists"));
        AppD appD = pkg.appD();
        VirtualComputeDescriptor vc = op.instantiate().virtualComputeDescriptor() != null
                ? op.instantiate().virtualComputeDescriptor() : appD.virtualComputeDescriptor();
        long cpu = vc == null ? 0 : vc.cpuMillis();
        long mem = vc == null ? 0 : vc.memoryMb();
        if (op.hostId() == null) {
            Placement.Decision d = placement.place(new Placement.Request(appD, op.instantiate(), cpu, mem), hosts.views());
            if (!d.placed() || !hosts.reserve(d.hostId(), inst.id(), cpu, mem)) {
                OpOcc noted = update(op.id(), o -> o.placed(null, d.reason()), false);
                throw new ProblemException(409, "No MEC host available", "placement: " + noted.placement());
            }
            op = update(op.id(), o -> o.placed(d.hostId(), d.reason()), false);
        } else if (!hosts.reserve(op.hostId(), inst.id(), cpu, mem)) {
            throw new ProblemException(409, "No MEC host available", "host " + op.hostId() + " no longer has room for "
                    + cpu + "m CPU/" + mem + " MB");
        }
        MecHostInfo host = host(op.hostId());
        if (op.mepmOpOccId() == null) {
            mepm.ensureInstance(host, new CreateAppInstanceRequest(inst.appDId(), inst.appInstanceName(),
                    inst.appInstanceDescription(), inst.id()));
            checkCancel(op.id());
        }
        InstantiateAppRequest req = op.instantiate();
        op = delegate(op, host, () -> mepm.instantiate(host, inst.id(), new InstantiateAppRequest(
                        List.of(new MecHostInformation(host.hostId(), host.name())), req.locationConstraints(),
                        req.vimConnectionInfo(), req.virtualComputeDescriptor(), req.virtualStorageDescriptor(),
                        req.appInstanceParameters(), req.requesterLocation())),
                ri -> "INSTANTIATED".equals(ri.instantiationState()));
        String opId = op.id();
        synchronized (lock(inst.id())) {
            AppInstance done = store.instance(inst.id()).orElseThrow().instantiated(host.hostId(), host.name());
            tx.run(() -> {
                store.save(done);
                OpOcc completed = store.op(opId).orElseThrow().to(OperationState.COMPLETED, null);
                store.save(completed);
                notifications.opChanged(completed, done);
                notifications.instanceStateChanged(done);
            });
        }
    }

    private void runTerminate(OpOcc op) {
        AppInstance inst = store.instance(op.appInstanceId()).orElseThrow();
        Optional<MecHostInfo> maybeHost = op.hostId() == null ? Optional.empty() : hosts.host(op.hostId());
        if (maybeHost.isPresent()) {
            MecHostInfo host = maybeHost.get();
            TerminateAppRequest request = op.terminate();
            op = delegate(op, host, () -> mepm.terminate(host, inst.id(), request),
                    ri -> !ri.known() || "NOT_INSTANTIATED".equals(ri.instantiationState()));
            // the instance resource at the MEPM goes with the termination; the next instantiation may be elsewhere
            mepm.deleteInstance(host, inst.id());
        }
        String opId = op.id();
        synchronized (lock(inst.id())) {
            AppInstance done = store.instance(inst.id()).orElseThrow().notInstantiated();
            tx.run(() -> {
                store.save(done);
                hosts.release(inst.id());
                OpOcc completed = store.op(opId).orElseThrow().to(OperationState.COMPLETED, null);
                store.save(completed);
                notifications.opChanged(completed, done);
                notifications.instanceStateChanged(done);
            });
        }
    }

    private void runOperate(OpOcc op) {
        AppInstance inst = store.instance(op.appInstanceId()).orElseThrow();
        MecHostInfo host = host(op.hostId());
        OperateAppRequest request = op.operate();
        op = delegate(op, host, () -> mepm.operate(host, inst.id(), request),
                ri -> request.changeStateTo().name().equals(ri.operationalState()));
        String opId = op.id();
        OperationalState target = op.operate().changeStateTo();
        synchronized (lock(inst.id())) {
            AppInstance done = store.instance(inst.id()).orElseThrow().withOperationalState(target);
            tx.run(() -> {
                store.save(done);
                OpOcc completed = store.op(opId).orElseThrow().to(OperationState.COMPLETED, null);
                store.save(completed);
                notifications.opChanged(completed, done);
                notifications.instanceStateChanged(done);
            });
        }
    }

    /** Follows the MEPM's op occurrence until it ends; MEPM notifications cut the polling pause short. */
    /**
     * Hands the op's task to the MEPM ({@code task}) and follows it to its end; an op delegated before a restart is
     * only followed. A refusal is no failure when the MEPM's instance is already where the task leads
     * ({@code alreadyDone}): the MEO stopped after the MEPM accepted, before it recorded the MEPM's op id.
     *
     * @return the op, with the MEPM's op id once delegated
     */
    private OpOcc delegate(OpOcc op, MecHostInfo host, Supplier<MepmGateway.Delegation> task,
                           Predicate<MepmGateway.RemoteInstance> alreadyDone) {
        if (op.mepmOpOccId() != null) {
            awaitCompletion(op, host);
            return op;
        }
        MepmGateway.Delegation dl = task.get();
        if (!dl.accepted()) {
            if (!alreadyDone.test(mepm.instance(host, op.appInstanceId()))) {
                throw refused(dl);
            }
            return op;
        }
        OpOcc delegated = update(op.id(), o -> o.delegated(dl.mepmOpOccId()), false);
        awaitCompletion(delegated, host);
        return delegated;
    }

    private void awaitCompletion(OpOcc op, MecHostInfo host) {
        long deadline = System.currentTimeMillis() + timeoutFor(op);
        Semaphore wakeup = wakeups.computeIfAbsent(op.id(), k -> new Semaphore(0));
        following.put(op.mepmOpOccId(), op.id());
        try {
            follow(op, host, deadline, wakeup);
        } finally {
            following.remove(op.mepmOpOccId());
        }
    }

    private void follow(OpOcc op, MecHostInfo host, long deadline, Semaphore wakeup) {
        long pause = 20;
        String lastError = null;
        while (true) {
            if (store.op(op.id()).map(OpOcc::cancelPending).orElse(false)) {
                mepm.cancel(host, op.mepmOpOccId());
                throw new Cancelled();
            }
            try {
                MepmGateway.RemoteOp r = mepm.opOcc(host, op.mepmOpOccId());
                if (r.state() == OperationState.COMPLETED) {
                    return;
                }
                if (r.state() == OperationState.FAILED || r.state() == OperationState.FAILED_TEMP) {
                    ProblemDetails e = r.error();
                    throw new ProblemException(e != null && e.status() != null ? e.status() : 500,
                            "MEPM operation " + r.state(), "MEPM op occurrence " + op.mepmOpOccId() + " on host "
                            + host.hostId() + " ended " + r.state() + (e == null ? "" : ": " + e.detail()));
                }
                lastError = null;
            } catch (MepmGateway.MepmException e) {
                lastError = e.getMessage();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new ProblemException(504, "MEPM operation timed out", "MEPM op occurrence " + op.mepmOpOccId()
                        + " on host " + host.hostId() + " did not end within " + timeoutFor(op) / 1000 + " s"
                        + (lastError == null ? "" : "; last error: " + lastError));
            }
            try {
                wakeup.tryAcquire(pause, TimeUnit.MILLISECONDS);
                wakeup.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopping();
            }
            pause = Math.min(pause * 2, settings.pollMaxIntervalMillis());
        }
    }

    private long timeoutFor(OpOcc op) {
        long graceful = 0;
        if (op.terminate() != null && op.terminate().gracefulTerminationTimeout() != null) {
            graceful = op.terminate().gracefulTerminationTimeout() * 1000L;
        }
        if (op.operate() != null && op.operate().gracefulStopTimeout() != null) {
            graceful = op.operate().gracefulStopTimeout() * 1000L;
        }
        return settings.operationTimeoutMillis() + graceful;
    }

    private void checkCancel(String opId) {
        if (store.op(opId).map(OpOcc::cancelPending).orElse(false)) {
            throw new Cancelled();
        }
    }

    private void finishCancelled(String opId) {
        failTemp(opId, Problems.problem(409, "Cancelled", "the operation was cancelled on request"));
    }

    private void failTemp(String opId, ProblemDetails problem) {
        OpOcc op = store.op(opId).orElse(null);
        if (op == null) {
            return;
        }
        synchronized (lock(op.appInstanceId())) {
            OpOcc current = store.op(opId).orElse(null);
            if (current == null || !current.isRunning()) {
                return;
            }
            OpOcc failed = current.to(OperationState.FAILED_TEMP, problem);
            AppInstance inst = store.instance(current.appInstanceId()).orElse(null);
            tx.run(() -> {
                store.save(failed);
                if (inst != null) {
                    notifications.opChanged(failed, inst);
                }
            });
        }
    }

    private OpOcc update(String opId, UnaryOperator<OpOcc> change, boolean notify) {
        OpOcc current = store.op(opId).orElseThrow();
        synchronized (lock(current.appInstanceId())) {
            OpOcc next = change.apply(store.op(opId).orElseThrow());
            AppInstance inst = store.instance(next.appInstanceId()).orElse(null);
            tx.run(() -> {
                store.save(next);
                if (notify && inst != null) {
                    notifications.opChanged(next, inst);
                }
            });
            return next;
        }
    }

    private void record(OpOcc op, AppInstance inst) {
        tx.run(() -> {
            store.save(op);
            if (inst != null) {
                notifications.opChanged(op, inst);
            }
        });
    }

    private MecHostInfo host(String hostId) {
        if (hostId == null) {
            throw new ProblemException(409, "No MEC host", "the instance has no host");
        }
        return hosts.host(hostId).orElseThrow(() -> new ProblemException(409, "MEC host gone",
                "MEC host " + hostId + " is no longer registered"));
    }

    private static ProblemException refused(MepmGateway.Delegation dl) {
        ProblemDetails p = dl.refusal();
        return new ProblemException(409, "MEPM refused", p == null ? "the MEPM refused the operation"
                : "the MEPM refused the operation: " + p.detail());
    }

    private Optional<OpOcc> openOp(String instanceId) {
        return store.opsOf(instanceId).stream().filter(OpOcc::isOpen).findFirst();
    }

    private void requireNoOpenOp(String instanceId) {
        openOp(instanceId).ifPresent(op -> {
            throw ProblemException.conflict("App instance " + instanceId + " has operation " + op.id() + " ("
                    + op.operation().name() + ") in state " + op.state());
        });
    }

    private void wake(String opId) {
        Semaphore s = wakeups.get(opId);
        if (s != null) {
            s.release();
        }
    }

    private Object lock(String instanceId) {
        return instanceLocks.computeIfAbsent(instanceId, k -> new Object());
    }

    /** Open op occurrences, for tests and diagnostics. */
    public List<String> runningOps() {
        return new ArrayList<>(running);
    }

    private static final class Stopping extends RuntimeException {
        Stopping() {
            super("stopping", null, false, false);
        }
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}

package org.edgeslice.mepm.lcm;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.mec010.grant.Grant;
import org.edgeslice.contract.mec010.grant.GrantOperation;
import org.edgeslice.contract.mec010.grant.GrantRequest;
import org.edgeslice.contract.mec010.grant.ResourceDefinition;
import org.edgeslice.contract.mec010.lcm.InstantiationState;
import org.edgeslice.contract.mec010.lcm.LcmOperation;
import org.edgeslice.contract.mec010.lcm.OperateAppRequest;
import org.edgeslice.contract.mec010.lcm.OperationState;
import org.edgeslice.contract.mec010.lcm.OperationalState;
import org.edgeslice.contract.mec010.lcm.StopType;
import org.edgeslice.contract.mec010.lcm.TerminateAppRequest;
import org.edgeslice.contract.mec010.pkgm.AppD;
import org.edgeslice.mepm.config.MepmSettings;
import org.edgeslice.mepm.infrastructure.Workers;
import org.edgeslice.mepm.meo.MeoClient;
import org.edgeslice.mepm.http.JsonHttp;
import org.edgeslice.mepm.mep.Mm5Client;
import org.edgeslice.mepm.notify.Notifier;
import org.edgeslice.mepm.pkg.PackageService;
import org.edgeslice.mepm.virt.ContainerStatus;
import org.edgeslice.mepm.virt.Labels;
import org.edgeslice.mepm.virt.Virtualisation;
import org.edgeslice.mepm.virt.VirtualisationDriver;
import org.edgeslice.support.json.Json;

/**
 * The asynchronous half of the lifecycle: runs one operation occurrence STARTING -> PROCESSING -> COMPLETED |
 * FAILED. The MEPM asks the MEO for a grant first and acts only after it. Every step is idempotent and every
 * state is persisted before the next step, so a MEPM restart can finish or undo it ({@link Reconciler}). A
 * failed instantiation is rolled back completely (container, Mm5 configuration, ports, credentials), so
 * FAILED leaves the instance NOT_INSTANTIATED as before.
 */
@ApplicationScoped
public class LcmRunner {

    private static final Logger LOG = Logger.getLogger(LcmRunner.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A taken-over standby container is renamed after the instance this long after its activation. */
    private static final long RENAME_DELAY_MS = 1000;
    /** The Mm5 long poll for confirm_ready: the container is checked between two. */
    private static final int READY_WAIT_SECONDS = 1;

    @Inject
    InstanceRepository instances;
    @Inject
    OpOccRepository ops;
    @Inject
    PortRepository ports;
    @Inject
    PackageService packages;
    @Inject
    MeoClient meo;
    @Inject
    Mm5Client mm5;
    @Inject
    Notifier notifier;
    @Inject
    Virtualisation virtualisation;
    @Inject
    MepmSettings settings;
    @Inject
    Workers workers;
    @Inject
    StandbyPool standby;

    /** Ops asked to cancel (v3.x app_lcm_op_occs/{id}/cancel), checked between steps and while waiting. */
    private final java.util.Set<String> cancelRequested = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<String> CURRENT_OP = new ThreadLocal<>();

    /** The operation was cancelled: it is rolled back like a failure. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled at the MEO's request; the operation was rolled back");
        }
    }

    public void cancel(String opId) {
        cancelRequested.add(opId);
    }

    public boolean cancelPending(String opId) {
        return cancelRequested.contains(opId);
    }

    private void checkCancelled() {
        String op = CURRENT_OP.get();
        if (op != null && cancelRequested.contains(op)) {
            throw new Cancelled();
        }
    }

    private VirtualisationDriver driver() {
        return virtualisation.driver();
    }

    public void submit(String opId) {
        workers.operations().submit(() -> run(opId));
    }

    /** configure_platform_for_app: the Mm5 push again, in the background. */
    public void reconfigure(String appInstanceId) {
        workers.operations().submit(() -> {
            try {
                AppInstanceEntity i = instances.find(appInstanceId).orElseThrow();
                mm5.configure(i.id, packages.held(i.appDId), i.clientId, i.clientSecret);
                LOG.info(() -> "platform configuration of " + appInstanceId + " pushed again");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "configure_platform_for_app of " + appInstanceId + " failed", e);
            }
        });
    }

    void run(String opId) {
        OpOccEntity op = ops.find(opId).orElseThrow();
        AppInstanceEntity instance = instances.find(op.appInstanceId).orElseThrow();
        AppD appD = packages.held(instance.appDId);
        CURRENT_OP.set(opId);
        try {
            Grant grant = meo.grant(grantRequest(op, instance, appD));
            checkCancelled();
            op = transition(op, OperationState.PROCESSING, grant.id(), null);
            switch (op.operation) {
                case INSTANTIATE -> instantiate(instance.id, appD);
                case OPERATE -> operate(instance.id, appD, params(op, OperateAppRequest.class));
                case TERMINATE -> terminate(instance.id, appD, params(op, TerminateAppRequest.class));
                default -> throw new IllegalStateException("unknown operation " + op.operation);
            }
            transition(op, OperationState.COMPLETED, null, null);
            LOG.info(op.operation.name() + " of " + instance.id + " completed (" + (System.currentTimeMillis() - op.startTime) + " ms)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, op.operation.name() + " of " + instance.id + " failed: " + e.getMessage(), e);
            if (e instanceof MeoClient.GrantUndecided) {
                // nothing was done without a grant, and the MEO did not say no: not closed, it can be asked again
                transition(op, OperationState.FAILED_TEMP, null, new ProblemDetails("about:blank", "Grant not decided",
                        504, e.getMessage(), null));
                return;
            }
            int status = e instanceof MeoClient.GrantRefused g ? (g.status() == 403 ? 403 : 409)
                    : e instanceof Cancelled ? 409 : 500;
            undo(op.operation, instance.id, appD);
            transition(op, OperationState.FAILED, null, new ProblemDetails("about:blank", status == 403 ? "Grant refused"
                    : e instanceof Cancelled ? "Operation cancelled" : "Operation failed", status, e.getMessage(), null));
        } finally {
            CURRENT_OP.remove();
            cancelRequested.remove(opId);
        }
    }

    private GrantRequest grantRequest(OpOccEntity op, AppInstanceEntity instance, AppD appD) {
        var vcd = appD.virtualComputeDescriptor();
        List<ResourceDefinition> compute = vcd == null ? List.of() : List.of(new ResourceDefinition(
                "compute-" + instance.id, ResourceDefinition.Type.COMPUTE, null, vcd.virtualComputeDescId(), null, vcd));
        GrantOperation operation = switch (op.operation) {
            case INSTANTIATE -> GrantOperation.INSTANTIATE;
            case OPERATE -> GrantOperation.OPERATE;
            case TERMINATE -> GrantOperation.TERMINATE;
        };
        String root = settings.apiRoot() + "/app_lcm/v1/";
        return new GrantRequest(instance.id, op.id, instance.appDId, operation,
                operation == GrantOperation.INSTANTIATE ? compute : null, null,
                operation == GrantOperation.TERMINATE ? compute : null, null,
                Map.of("hostId", settings.hostId(), "cpuMillis", vcd == null ? 0 : vcd.cpuMillis(),
                        "memoryMb", vcd == null ? 0 : vcd.memoryMb()),
                new GrantRequest.Links(new LinkType(root + "app_lcm_op_occs/" + op.id),
                        new LinkType(root + "app_instances/" + instance.id)));
    }

    private void instantiate(String id, AppD appD) {
        int[] range = settings.portRange();
        Map<String, Integer> held = allocatePorts(id, appD, range);
        AppInstanceEntity instance = instances.update(id, i -> {
            i.ports = PortRepository.format(held);
            i.clientId = i.id;
            byte[] secret = new byte[24];
            RANDOM.nextBytes(secret);
            i.clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            i.lastExit = null;
        });
        mm5.configure(id, appD, instance.clientId, instance.clientSecret);
        checkCancelled();
        try {
            String containerId = fromStandby(instance, appD, held).orElseGet(() -> {
                // a standby container runs the image already; only a container of its own needs it here
                driver().ensureImage(appD.swImageDescriptor().swImage());
                checkCancelled();
                String created = driver().create(ContainerSpecs.of(instance, appD, held, settings.hostId(),
                        settings.apiRoot(), settings.mepUrl(), settings.dataDir()));
                instances.update(id, i -> i.containerId = created);
                driver().start(created);
                return created;
            });
            awaitReady(id, containerId);
        } finally {
            // a standby container for the next instantiation of this AppD; its start and warm-up take seconds of
            // CPU, so they wait until this app's start and the work that follows it (offloading) are done
            standby.fillLater(appD);
        }
        AppInstanceEntity done = instances.update(id, i -> {
            i.instantiationState = InstantiationState.INSTANTIATED;
            i.operationalState = OperationalState.STARTED;
        });
        notifier.instanceStateChanged(done);
    }

    /**
     * Hands the instance to a standby container of its AppD, if the pool has one ready: the container is recorded
     * as the instance's (with its data directory) before it is activated, so a MEPM restart in between finds and
     * removes it. An activation that fails leaves no trace, and the instantiation creates its own container.
     */
    private java.util.Optional<String> fromStandby(AppInstanceEntity instance, AppD appD, Map<String, Integer> held) {
        java.util.Optional<StandbyPool.Standby> claimed = standby.claim(appD);
        if (claimed.isEmpty()) {
            return java.util.Optional.empty();
        }
        StandbyPool.Standby s = claimed.get();
        AppInstanceEntity recorded;
        try {
            recorded = instances.update(instance.id, i -> {
                i.containerId = s.containerId();
                i.dataDir = s.dataDir().toString();
            });
        } finally {
            standby.handedOver(s);
        }
        try {
            standby.activate(s, ContainerSpecs.environment(recorded, held, settings.hostId(), settings.mepUrl(),
                    s.dataDir()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "standby container " + s.name() + " could not take over " + instance.id
                    + "; creating a container", e);
            driver().remove(s.containerId());
            instances.update(instance.id, i -> {
                i.containerId = null;
                i.dataDir = null;
            });
            return java.util.Optional.empty();
        }
        LOG.info(() -> "app instance " + instance.id + " took over standby container " + s.name());
        // operators find an instance's container by its name, as for containers the MEPM creates; renamed once
        // the app has started, so the engine's work does not take CPU from the app's start (Mp1 registration)
        Runnable rename = () -> {
            try {
                driver().rename(s.containerId(), ContainerSpecs.containerName(settings.hostId(), instance.id));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "renaming " + s.name(), e);
            }
        };
        workers.timer().schedule(() -> workers.operations().submit(rename), RENAME_DELAY_MS,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        return java.util.Optional.of(s.containerId());
    }

    /** Two instantiations may pick the same free port at once: the table's key lets one win, the other retries. */
    private Map<String, Integer> allocatePorts(String id, AppD appD, int[] range) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ports.allocate(id, ContainerSpecs.portNames(appD), range[0], range[1]);
            } catch (RuntimeException e) {
                if (attempt >= 5) {
                    throw e;
                }
                sleep(20L * attempt);
            }
        }
    }

    /**
     * Waits for Mp1 confirm_ready, seen through Mm5 as a long poll ({@code Prefer: wait=1}): the platform answers
     * as soon as the app confirms, so the op completes right after it without polling. Between two long polls the
     * engine is asked whether the container still runs, so one that dies is noticed within about a second.
     */
    private void awaitReady(String id, String containerId) {
        long deadline = System.nanoTime() + settings.readyTimeout().toNanos();
        while (true) {
            ContainerStatus s = driver().inspect(containerId).orElse(null);
            if (s == null || !s.running()) {
                throw new IllegalStateException("the app's container " + (s == null ? "vanished" : "exited with "
                        + s.exitCode() + (s.oomKilled() ? " (OOM-killed)" : "")) + " before it confirmed ready; last log: "
                        + tail(containerId));
            }
            boolean ready;
            long asked = System.nanoTime();
            try {
                ready = mm5.readyConfirmed(id, READY_WAIT_SECONDS);
            } catch (JsonHttp.PeerException e) {
                ready = false; // the platform is restarting: asked again after the container check
            }
            if (ready) {
                return;
            }
            if (System.nanoTime() - asked < 20_000_000L) {
                sleep(20); // a platform that did not wait (no long poll, or unreachable) is asked every 20 ms
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the app did not confirm ready on Mp1 within " + settings.readyTimeout()
                        .toSeconds() + " s; last log: " + tail(containerId));
            }
        }
    }

    private String tail(String containerId) {
        try {
            return LogTail.essentials(driver().logs(containerId, 80));
        } catch (RuntimeException e) {
            return "(none)";
        }
    }

    private void operate(String id, AppD appD, OperateAppRequest req) {
        AppInstanceEntity instance = instances.find(id).orElseThrow();
        if (req.changeStateTo() == OperationalState.STOPPED) {
            stopContainer(instance, appD, req.stopType(), req.gracefulStopTimeout(), "STOPPING");
            notifier.instanceStateChanged(instances.update(id, i -> i.operationalState = OperationalState.STOPPED));
        } else {
            // idempotent: an app that stopped unasked was removed from the MEC platform (Reconciler)
            mm5.configure(id, appD, instance.clientId, instance.clientSecret);
            String containerId = instance.containerId;
            if (containerId == null || driver().inspect(containerId).isEmpty()) {
                containerId = recreate(instance, appD);
            }
            driver().start(containerId);
            String started = containerId;
            long deadline = System.nanoTime() + settings.readyTimeout().toNanos();
            while (!driver().inspect(started).map(ContainerStatus::running).orElse(false)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the container did not start; last log: " + tail(started));
                }
                sleep(50);
            }
            notifier.instanceStateChanged(instances.update(id, i -> {
                i.operationalState = OperationalState.STARTED;
                i.lastExit = null;
            }));
        }
    }

    /** A new container for an instance whose container is gone (same spec, same ports, same credentials). */
    String recreate(AppInstanceEntity instance, AppD appD) {
        Map<String, Integer> held = ports.held(instance.id);
        driver().ensureImage(appD.swImageDescriptor().swImage());
        String containerId = driver().create(ContainerSpecs.of(instance, appD, held, settings.hostId(), settings.apiRoot(), settings.mepUrl(),
                settings.dataDir()));
        instances.update(instance.id, i -> i.containerId = containerId);
        return containerId;
    }

    /**
     * ETSI GS MEC 011 graceful stop: the MEC platform sends AppTerminationNotification and the MEPM waits up to
     * the graceful timeout for confirm_termination (or the platform's TIMED_OUT / NOT_SUBSCRIBED); then the
     * container gets SIGTERM (and SIGKILL after a few seconds). FORCEFUL kills at once.
     */
    private void stopContainer(AppInstanceEntity instance, AppD appD, StopType type, Integer timeoutSeconds, String action) {
        if (instance.containerId == null) {
            return;
        }
        boolean running = driver().inspect(instance.containerId).map(ContainerStatus::running).orElse(false);
        if (!running) {
            return;
        }
        if (type == StopType.FORCEFUL) {
            driver().kill(instance.containerId);
            return;
        }
        long timeout = timeoutSeconds != null ? timeoutSeconds : defaultGraceful(appD, action);
        long t0 = System.nanoTime();
        String outcome;
        try {
            mm5.requestTermination(instance.id, action, timeout);
            long deadline = t0 + Duration.ofSeconds(timeout).plusSeconds(2).toNanos();
            outcome = mm5.terminationState(instance.id);
            while ("PENDING".equals(outcome) && System.nanoTime() < deadline) {
                sleep(100);
                outcome = mm5.terminationState(instance.id);
            }
        } catch (RuntimeException e) {
            outcome = "MEC platform unreachable (" + e.getMessage() + ")";
        }
        String result = outcome;
        long waited = (System.nanoTime() - t0) / 1_000_000;
        LOG.info(() -> action + " " + instance.id + ": termination " + result + " after " + waited + " ms; stopping the container");
        driver().stop(instance.containerId, Duration.ofSeconds(5));
    }

    private long defaultGraceful(AppD appD, String action) {
        Integer v = null;
        if ("TERMINATING".equals(action) && appD.terminateAppInstanceOpConfig() != null) {
            v = appD.terminateAppInstanceOpConfig().maxRecommendedGracefulTerminationTimeout();
        } else if (appD.changeAppInstanceStateOpConfig() != null) {
            v = appD.changeAppInstanceStateOpConfig().maxRecommendedGracefulStopTimeout();
        }
        return v != null ? v : settings.gracefulTimeout().toSeconds();
    }

    private void terminate(String id, AppD appD, TerminateAppRequest req) {
        AppInstanceEntity instance = instances.find(id).orElseThrow();
        stopContainer(instance, appD, req.terminationType(), req.gracefulTerminationTimeout(), "TERMINATING");
        removeResources(id);
        notifier.instanceStateChanged(instances.update(id, AppInstanceEntity::released));
    }

    /** Every container of the instance (by label, so leftovers too), its Mm5 configuration and its ports. */
    void removeResources(String id) {
        for (ContainerStatus c : driver().list(Map.of(Labels.HOST, settings.hostId(), Labels.MANAGER, settings.apiRoot(), Labels.APP_INSTANCE, id))) {
            driver().remove(c.id());
        }
        // a container taken over from the standby pool has no app instance label: the record names it
        AppInstanceEntity instance = instances.find(id).orElse(null);
        if (instance != null && instance.containerId != null) {
            driver().remove(instance.containerId);
        }
        if (instance != null) {
            // the app's data went home in the termination handshake (final sync); a later instantiation starts empty
            DataDirectories.remove(ContainerSpecs.dataDir(instance, settings.dataDir()), settings.dataDir());
        }
        try {
            mm5.remove(id);
        } catch (RuntimeException e) {
            // the platform's side is removed again at the next instantiation's PUT; the host's side must go
            LOG.log(Level.WARNING, "Mm5 removal of " + id + " failed", e);
        }
        ports.release(id);
    }

    /** Undoes a failed operation so that FAILED leaves a defined state. */
    void undo(LcmOperation operation, String id, AppD appD) {
        try {
            switch (operation) {
                case INSTANTIATE -> {
                    removeResources(id);
                    instances.update(id, AppInstanceEntity::released);
                }
                case OPERATE, TERMINATE -> {
                    // the instance stays INSTANTIATED; its operational state is what the engine says
                    AppInstanceEntity i = instances.find(id).orElseThrow();
                    boolean running = i.containerId != null
                            && driver().inspect(i.containerId).map(ContainerStatus::running).orElse(false);
                    OperationalState actual = running ? OperationalState.STARTED : OperationalState.STOPPED;
                    if (i.instantiationState == InstantiationState.INSTANTIATED && i.operationalState != actual) {
                        notifier.instanceStateChanged(instances.update(id, e -> e.operationalState = actual));
                    }
                }
                default -> {
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "undo of " + operation + " on " + id + " failed; the reconciler will retry", e);
        }
    }

    OpOccEntity transition(OpOccEntity op, OperationState state, String grantId, ProblemDetails error) {
        OpOccEntity updated = ops.update(op.id, o -> {
            o.state = state;
            o.stateEnteredTime = System.currentTimeMillis();
            if (grantId != null) {
                o.grantId = grantId;
            }
            if (error != null) {
                try {
                    o.errorJson = Json.mapper().writeValueAsString(error);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        notifier.opStateChanged(updated, instances.find(op.appInstanceId).orElseThrow());
        return updated;
    }

    private static <T> T params(OpOccEntity op, Class<T> type) {
        try {
            return Json.mapper().readValue(op.paramsJson, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sleep(long ms) {
        checkCancelled();
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

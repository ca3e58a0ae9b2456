package org.edgeslice.mepm.lcm;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.mec010.lcm.InstantiationState;
import org.edgeslice.contract.mec010.lcm.LcmOperation;
import org.edgeslice.contract.mec010.lcm.OperationState;
import org.edgeslice.contract.mec010.lcm.OperationalState;
import org.edgeslice.contract.mec010.pkgm.AppD;
import org.edgeslice.mepm.config.MepmSettings;
import org.edgeslice.mepm.infrastructure.Workers;
import org.edgeslice.mepm.notify.Notifier;
import org.edgeslice.mepm.pkg.PackageService;
import org.edgeslice.mepm.virt.ContainerEvent;
import org.edgeslice.mepm.virt.ContainerStatus;
import org.edgeslice.mepm.virt.Labels;
import org.edgeslice.mepm.virt.Virtualisation;
import org.edgeslice.mepm.virt.VirtualisationDriver;

/**
 * Keeps the records and the engine in agreement. At start: operations a previous MEPM left unfinished end in a
 * defined state (an instantiation is rolled back and FAILED, a termination is finished and COMPLETED, an
 * operate is FAILED with the instance showing the engine's actual state). Then continuously, from the engine's
 * event stream and every {@code mepm.reconcile.interval}: a container of an instance that died, was OOM-killed
 * or vanished is reported to the MEO (AppInstNotification STOPPED) and restarted when the AppD asks for it;
 * containers with this host's labels that no instance owns are removed.
 */
@Singleton
@Startup
@DependsOn("MepmDatabase")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());

    @Inject
    InstanceRepository instances;
    @Inject
    OpOccRepository ops;
    @Inject
    PackageService packages;
    @Inject
    LcmRunner runner;
    @Inject
    Notifier notifier;
    @Inject
    Virtualisation virtualisation;
    @Inject
    MepmSettings settings;
    @Inject
    Workers workers;
    @Inject
    org.edgeslice.mepm.mep.Mm5Client mm5;
    @Inject
    StandbyPool standby;

    private AutoCloseable watch;
    private ScheduledFuture<?> periodic;

    private VirtualisationDriver driver() {
        return virtualisation.driver();
    }

    @PostConstruct
    void start() {
        try {
            recoverUnfinishedOperations();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "recovery of unfinished operations failed", e);
        }
        try {
            // the pool is filled again for the AppDs that have instances here (the ones in use), not for every
            // package this host ever held (each slice image version is an AppD of its own)
            List<AppInstanceEntity> all = instances.findAll();
            java.util.Set<String> inUse = all.stream().map(i -> i.appDId).collect(java.util.stream.Collectors.toSet());
            standby.restart(packages.all().stream().filter(a -> inUse.contains(a.appDId())).toList(),
                    all.stream().map(i -> i.containerId).filter(java.util.Objects::nonNull)
                            .collect(java.util.stream.Collectors.toSet()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "restarting the standby pool failed; instantiations create their containers", e);
        }
        try {
            watch = driver().watch(Labels.ofManager(settings.hostId(), settings.apiRoot()),
                    event -> workers.operations().submit(() -> onEvent(event)));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "cannot watch the engine's events; relying on periodic reconciliation", e);
        }
        long every = settings.reconcileInterval().toMillis();
        periodic = workers.timer().scheduleWithFixedDelay(this::reconcileSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (periodic != null) {
            periodic.cancel(false);
        }
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the event watch", e);
            }
        }
    }

    void recoverUnfinishedOperations() {
        for (OpOccEntity op : ops.unfinished()) {
            AppInstanceEntity instance = instances.find(op.appInstanceId).orElse(null);
            if (instance == null) {
                runner.transition(op, OperationState.FAILED, null, interrupted("the app instance no longer exists"));
                continue;
            }
            AppD appD = packages.held(instance.appDId);
            LOG.warning(() -> "MEPM restarted during " + op.operation.name() + " of " + instance.id + " (" + op.state + ")");
            if (op.operation == LcmOperation.TERMINATE && op.state == OperationState.PROCESSING) {
                // granted already: finish it; the containers go by label, so nothing is left behind
                try {
                    runner.removeResources(instance.id);
                    notifier.instanceStateChanged(instances.update(instance.id, AppInstanceEntity::released));
                    runner.transition(op, OperationState.COMPLETED, null, null);
                } catch (RuntimeException e) {
                    runner.transition(op, OperationState.FAILED, null, interrupted("finishing it failed: " + e.getMessage()));
                }
            } else {
                runner.undo(op.operation, instance.id, appD);
                runner.transition(op, OperationState.FAILED, null, interrupted("the operation was rolled back"));
            }
        }
    }

    private static ProblemDetails interrupted(String what) {
        return new ProblemDetails("about:blank", "Interrupted by a MEPM restart", 500, what, null);
    }

    private void reconcileSafely() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reconciliation failed", e);
        }
    }

    /** One full pass: engine containers against instance records. */
    public synchronized void reconcile() {
        for (ContainerStatus c : driver().list(Labels.ofManager(settings.hostId(), settings.apiRoot()))) {
            String owner = c.labels().get(Labels.APP_INSTANCE);
            if (owner == null && c.labels().containsKey(Labels.STANDBY)) {
                if (standby.holds(c.name())) {
                    if (!c.running()) {
                        standby.lost(c.name(), packages.held(c.labels().get(Labels.STANDBY)));
                    }
                    continue;
                }
                owner = instances.findByContainerId(c.id()).map(i -> i.id).orElse(null);
            }
            if (owner == null || !owned(owner, c.id())) {
                LOG.warning(() -> "removing container " + c.id() + " (" + c.name() + "): no app instance owns it");
                driver().remove(c.id());
            }
        }
        for (AppInstanceEntity i : instances.findInstantiated()) {
            if (ops.active(i.id).isPresent()) {
                continue;
            }
            Optional<ContainerStatus> s = i.containerId == null ? Optional.empty() : driver().inspect(i.containerId);
            if (s.isEmpty() || !s.get().running()) {
                if (i.operationalState == OperationalState.STARTED) {
                    unsolicitedStop(i, s.map(this::reason).orElse("container vanished"));
                }
            } else if (i.operationalState == OperationalState.STOPPED) {
                notifier.instanceStateChanged(instances.update(i.id, e -> e.operationalState = OperationalState.STARTED));
            }
        }
    }

    /** Whether a container labelled for {@code appInstanceId} belongs to a live instance or a running operation. */
    private boolean owned(String appInstanceId, String containerId) {
        if (ops.active(appInstanceId).isPresent()) {
            return true;
        }
        return instances.find(appInstanceId).map(i -> i.instantiationState == InstantiationState.INSTANTIATED
                && containerId.equals(i.containerId)).orElse(false);
    }

    synchronized void onEvent(ContainerEvent event) {
        try {
            String id = event.labels().get(Labels.APP_INSTANCE);
            if (id == null && event.labels().containsKey(Labels.STANDBY)) {
                String name = event.labels().getOrDefault("name", "");
                if (standby.holds(name)) {
                    if (event.kind() == ContainerEvent.Kind.DIE || event.kind() == ContainerEvent.Kind.DESTROY) {
                        standby.lost(name, packages.held(event.labels().get(Labels.STANDBY)));
                    }
                    return;
                }
                // a standby container that an app instance took over
                id = instances.findByContainerId(event.containerId()).map(i -> i.id).orElse(null);
                if (id == null && event.kind() == ContainerEvent.Kind.START) {
                    return; // being handed over right now: the record follows
                }
            }
            if (id == null || ops.active(id).isPresent()) {
                if (id == null && event.labels().containsKey(Labels.STANDBY)
                        && event.kind() != ContainerEvent.Kind.DESTROY) {
                    LOG.warning(() -> "removing standby container " + event.containerId() + ": neither pooled nor an instance's");
                    driver().remove(event.containerId());
                }
                return; // an operation is acting on it: the event is expected
            }
            AppInstanceEntity i = instances.find(id).orElse(null);
            boolean ours = i != null && i.instantiationState == InstantiationState.INSTANTIATED
                    && event.containerId().equals(i.containerId);
            if (!ours) {
                if (event.kind() != ContainerEvent.Kind.DESTROY) {
                    LOG.warning(() -> "removing container " + event.containerId() + ": no app instance owns it");
                    driver().remove(event.containerId());
                }
                return;
            }
            switch (event.kind()) {
                case DIE, DESTROY -> {
                    if (i.operationalState == OperationalState.STARTED) {
                        String why = event.kind() == ContainerEvent.Kind.DESTROY ? "container removed behind the MEPM's back"
                                : driver().inspect(event.containerId()).map(this::reason)
                                .orElse("exited with " + event.exitCode());
                        unsolicitedStop(i, why);
                    }
                }
                case START -> {
                    if (i.operationalState == OperationalState.STOPPED) {
                        notifier.instanceStateChanged(instances.update(i.id, e -> e.operationalState = OperationalState.STARTED));
                    }
                }
                default -> {
                    // OOM is followed by DIE, which reports it
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "handling " + event + " failed", e);
        }
    }

    private String reason(ContainerStatus s) {
        return s.oomKilled() ? "OOM-killed (exit " + s.exitCode() + ")" : "exited with " + s.exitCode();
    }

    /** Reports a stop nobody asked for, then restarts the app if its AppD says so. */
    private void unsolicitedStop(AppInstanceEntity i, String why) {
        LOG.warning(() -> "app instance " + i.id + " stopped unasked: " + why);
        AppInstanceEntity stopped = instances.update(i.id, e -> {
            e.operationalState = OperationalState.STOPPED;
            e.lastExit = why;
        });
        notifier.instanceStateChanged(stopped);
        AppD appD = packages.held(i.appDId);
        if (!ContainerSpecs.restartOnFailure(appD)) {
            // the app is gone from the host: its services leave the MEC platform too (ServiceAvailability
            // notifications tell consumers such as the slicing handler); operate STARTED configures it again
            try {
                mm5.remove(i.id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot remove the stopped app " + i.id + " from the MEC platform", e);
            }
            return;
        }
        try {
            String containerId = stopped.containerId;
            if (containerId == null || driver().inspect(containerId).isEmpty()) {
                containerId = runner.recreate(stopped, appD);
            }
            driver().start(containerId);
            notifier.instanceStateChanged(instances.update(i.id, e -> e.operationalState = OperationalState.STARTED));
            LOG.info(() -> "app instance " + i.id + " restarted (restartOnFailure)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "restart of " + i.id + " failed", e);
        }
    }

}

package org.edgeslice.meo.lcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.edgeslice.contract.common.TimeStamp;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.contract.mec010.lcm.AppLcmOpOccNotification;
import org.edgeslice.contract.mec010.lcm.CreateAppInstanceRequest;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.InstantiationState;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionRequest;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionType;
import org.edgeslice.contract.mec010.lcm.MecHostInformation;
import org.edgeslice.contract.mec010.lcm.OperateAppRequest;
import org.edgeslice.contract.mec010.lcm.OperationState;
import org.edgeslice.contract.mec010.lcm.OperationalState;
import org.edgeslice.contract.mec010.lcm.StopType;
import org.edgeslice.contract.mec010.lcm.TerminateAppRequest;
import org.edgeslice.contract.mec010.pkgm.AppPkgOperationalState;
import org.edgeslice.contract.mec010.pkgm.Checksum;
import org.edgeslice.contract.mec010.pkgm.OnboardingState;
import org.edgeslice.contract.mec010.pkgm.UsageState;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.host.HostInventory;
import org.edgeslice.meo.host.LocalityPlacement;
import org.edgeslice.meo.pkgm.AppPackage;
import org.edgeslice.meo.pkgm.PackageArchive;
import org.edgeslice.meo.testing.TestPackages;
import org.edgeslice.support.problem.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LCM state machines and the orchestration, without Payara: in-memory stores, a scripted MEPM. */
class LcmOrchestratorTest {

    private final InMemory.Store store = new InMemory.Store();
    private final InMemory.Hosts hostRepo = new InMemory.Hosts();
    private final InMemory.Outbox outbox = new InMemory.Outbox();
    private final InMemory.Tx tx = new InMemory.Tx();
    private final ScriptedMepm mepm = new ScriptedMepm();
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private final Executor executor = queued::add;
    private HostInventory hosts;
    private AppPackage pkg;
    private LcmOrchestrator lcm;

    @BeforeEach
    void setUp() {
        hosts = new HostInventory(hostRepo, tx);
        hosts.register("edge-1", host("edge-1", 37.56, 126.97, "kr-seoul", 1000));
        hosts.register("edge-2", host("edge-2", 33.50, 126.53, "kr-jeju", 4000)); // ~450 km: RTT est. 5.5 ms
        PackageArchive.Contents contents = PackageArchive.read(TestPackages.zip("Definitions/appd.json",
                TestPackages.appD("appd-1", "127.0.0.1:5000/slice:1", 500, 256, 5)));
        pkg = new AppPackage("pkg-1", "slice", "1.0", "edgeslice", new Checksum("SHA-256", "x"), null, null,
                OnboardingState.CREATED, AppPkgOperationalState.ENABLED, UsageState.NOT_IN_USE, null, null, null, null,
                null, null, TimeStamp.now()).onboarded(contents);
        lcm = newOrchestrator();
    }

    /** A fresh orchestrator over the same stores: what the MEO is after a restart. */
    private LcmOrchestrator newOrchestrator() {
        PackageCatalog catalog = new PackageCatalog() {
            @Override
            public Optional<AppPackage> onboarded(String appDId) {
                return appDId.equals(pkg.appDId()) ? Optional.of(pkg) : Optional.empty();
            }

            @Override
            public Optional<AppPackage> byId(String id) {
                return id.equals(pkg.id()) ? Optional.of(pkg) : Optional.empty();
            }

            @Override
            public void setUsage(String id, boolean inUse) {
                pkg = pkg.withUsageState(inUse ? UsageState.IN_USE : UsageState.NOT_IN_USE);
            }
        };
        ApiRoot root = new ApiRoot("http://127.0.0.1:18080/meo");
        return new LcmOrchestrator(store, catalog, hosts, new LocalityPlacement(), mepm,
                new LcmNotifications(store, outbox, tx, root), tx, executor, new LcmOrchestrator.Settings(2000, 20));
    }

    private static MecHostInfo host(String id, double lat, double lon, String zone, long cpu) {
        return new MecHostInfo(id, id, new MecHostInfo.Location(lat, lon, zone), new MecHostInfo.Capacity(cpu, 4096L),
                "http://127.0.0.1:1/mepm-" + id, null, null, "fake");
    }

    private void drain() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    private AppInstance created() {
        return lcm.create(new CreateAppInstanceRequest("appd-1", "slice-a", "test"));
    }

    private static InstantiateAppRequest near(double lat, double lon) {
        return new InstantiateAppRequest(null, null, null, null, null, null,
                new InstantiateAppRequest.RequesterLocation(lat, lon, null));
    }

    @Test
    void instantiationGoesStartingProcessingCompletedAndLandsOnTheNearestHost() {
        new LcmNotifications(store, outbox, tx, new ApiRoot(null)).subscribe(
                new LcmSubscriptionRequest.AppLcmOpOccSubscriptionRequest(LcmSubscriptionType.AppLcmOpOccStateChangeSubscription,
                        "http://127.0.0.1:9/cb", null));
        AppInstance inst = created();
        assertEquals(InstantiationState.NOT_INSTANTIATED, inst.instantiationState());
        assertEquals(UsageState.IN_USE, pkg.usageState());
        OpOcc op = lcm.instantiate(inst.id(), near(37.5, 127.0));
        assertEquals(OperationState.STARTING, lcm.op(op.id()).state());
        drain();
        OpOcc done = lcm.op(op.id());
        assertEquals(OperationState.COMPLETED, done.state(), String.valueOf(done.error()));
        assertEquals("edge-1", done.hostId());
        assertTrue(done.placement().contains("nearest"), done.placement());
        AppInstance after = lcm.instance(inst.id());
        assertEquals(InstantiationState.INSTANTIATED, after.instantiationState());
        assertEquals(OperationalState.STARTED, after.operationalState());
        assertEquals("edge-1", after.hostId());
        assertEquals(500, hosts.reservation(inst.id()).orElseThrow().cpuMillis());
        List<OperationState> notified = outbox.sent.stream().filter(n -> n instanceof AppLcmOpOccNotification)
                .map(n -> ((AppLcmOpOccNotification) n).notificationType()).toList();
        assertEquals(List.of(OperationState.STARTING, OperationState.PROCESSING, OperationState.COMPLETED), notified);
    }

    @Test
    void selectedHostIsHonouredAndAWrongStateIsA409() {
        AppInstance inst = created();
        lcm.instantiate(inst.id(), new InstantiateAppRequest(List.of(new MecHostInformation("edge-2", null)), null, null,
                null, null, null, new InstantiateAppRequest.RequesterLocation(37.5, 127.0, null)));
        drain();
        assertEquals("edge-2", lcm.instance(inst.id()).hostId());
        assertEquals(409, assertThrows(ProblemException.class, () -> lcm.instantiate(inst.id(), near(0, 0))).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> lcm.delete(inst.id())).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> lcm.operate(inst.id(),
                new OperateAppRequest(OperationalState.STARTED, null, null))).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> lcm.instantiate("nope", near(0, 0))).status());
    }

    @Test
    void aHostWithoutCapacityIsNeverChosenAndNoHostMeansFailedTemp() {
        AppInstance first = created();
        lcm.instantiate(first.id(), new InstantiateAppRequest(List.of(new MecHostInformation("edge-1", null)), null,
                null, null, null, null, null));
        drain();
        AppInstance second = created();
        lcm.instantiate(second.id(), new InstantiateAppRequest(List.of(new MecHostInformation("edge-1", null)), null,
                null, null, null, null, null));
        lcm.instantiate(created().id(), near(37.5, 127.0)); // edge-1 is full (1000m, 500m each) -> out of latency
        drain();
        assertEquals("edge-1", lcm.instance(second.id()).hostId(), "exactly fills the host");
        OpOcc third = store.ops().get(2);
        assertEquals(OperationState.FAILED_TEMP, third.state());
        assertTrue(third.error().detail().contains("appLatency"), third.error().detail());
    }

    @Test
    void terminateThenDeleteReleasesTheCapacityAndTheMepmInstance() {
        AppInstance inst = created();
        lcm.instantiate(inst.id(), near(37.5, 127.0));
        drain();
        assertEquals(400, assertThrows(ProblemException.class, () -> lcm.terminate(inst.id(),
                new TerminateAppRequest(StopType.FORCEFUL, 5))).status());
        OpOcc op = lcm.terminate(inst.id(), new TerminateAppRequest(StopType.GRACEFUL, 5));
        drain();
        assertEquals(OperationState.COMPLETED, lcm.op(op.id()).state());
        assertEquals(InstantiationState.NOT_INSTANTIATED, lcm.instance(inst.id()).instantiationState());
        assertNull(lcm.instance(inst.id()).hostId());
        assertTrue(hosts.reservation(inst.id()).isEmpty());
        assertFalse(mepm.instances.containsKey(inst.id()), "the MEPM's instance resource is deleted");
        lcm.delete(inst.id());
        assertEquals(UsageState.NOT_IN_USE, pkg.usageState());
        assertEquals(404, assertThrows(ProblemException.class, () -> lcm.instance(inst.id())).status());
    }

    @Test
    void operateStopsAndStartsAndTheSameStateIsA409() {
        AppInstance inst = created();
        lcm.instantiate(inst.id(), near(37.5, 127.0));
        drain();
        lcm.operate(inst.id(), new OperateAppRequest(OperationalState.STOPPED, StopType.GRACEFUL, 2));
        drain();
        assertEquals(OperationalState.STOPPED, lcm.instance(inst.id()).operationalState());
        assertEquals(409, assertThrows(ProblemException.class, () -> lcm.operate(inst.id(),
                new OperateAppRequest(OperationalState.STOPPED, null, null))).status());
        lcm.operate(inst.id(), new OperateAppRequest(OperationalState.STARTED, null, null));
        drain();
        assertEquals(OperationalState.STARTED, lcm.instance(inst.id()).operationalState());
    }

    @Test
    void anUnreachableMepmEndsFailedTempThenRetrySucceeds() {
        AppInstance inst = created();
        mepm.down = true;
        OpOcc op = lcm.instantiate(inst.id(), near(37.5, 127.0));
        drain();
        OpOcc failed = lcm.op(op.id());
        assertEquals(OperationState.FAILED_TEMP, failed.state());
        assertEquals(503, failed.error().status());
        assertEquals(409, assertThrows(ProblemException.class, () -> lcm.instantiate(inst.id(), near(0, 0))).status(),
                "an open (FAILED_TEMP) operation blocks new ones");
        mepm.down = false;
        lcm.retry(op.id());
        assertEquals(OperationState.PROCESSING, lcm.op(op.id()).state());
        drain();
        assertEquals(OperationState.COMPLETED, lcm.op(op.id()).state());
        assertEquals(409, assertThrows(ProblemException.class, () -> lcm.retry(op.id())).status());
    }

    @Test
    void failGivesTheReservationBack() {
        AppInstance inst = created();
        mepm.outcome = OperationState.FAILED;
        OpOcc op = lcm.instantiate(inst.id(), near(37.5, 127.0));
        drain();
        assertEquals(OperationState.FAILED_TEMP, lcm.op(op.id()).state());
        assertTrue(lcm.op(op.id()).error().detail().contains("image pull failed"), lcm.op(op.id()).error().detail());
        assertTrue(hosts.reservation(inst.id()).isPresent());
        assertEquals(OperationState.FAILED, lcm.fail(op.id()).state());
        assertTrue(hosts.reservation(inst.id()).isEmpty());
        assertEquals(409, assertThrows(ProblemException.class, () -> lcm.fail(op.id())).status());
        lcm.delete(inst.id());
    }

    @Test
    void aRestartWhileFollowingTheMepmResumesWithoutAskingTheMepmTwice() {
        AppInstance inst = created();
        mepm.crashWhilePolling = true;
        OpOcc op = lcm.instantiate(inst.id(), near(37.5, 127.0));
        assertThrows(ScriptedMepm.Crash.class, this::drain);
        OpOcc stuck = store.op(op.id()).orElseThrow();
        assertEquals(OperationState.PROCESSING, stuck.state());
        assertNotNull(stuck.mepmOpOccId(), "the delegation was recorded before following it");

        lcm = newOrchestrator();
        assertEquals(1, lcm.recover());
        drain();
        assertEquals(OperationState.COMPLETED, lcm.op(op.id()).state());
        assertEquals(1, mepm.count("instantiate"), mepm.calls.toString());
    }

    @Test
    void aRestartBeforeTheDelegationWasRecordedFindsTheMepmAlreadyDone() {
        AppInstance inst = created();
        mepm.crashAfterTaskAccepted = true;
        OpOcc op = lcm.instantiate(inst.id(), near(37.5, 127.0));
        assertThrows(ScriptedMepm.Crash.class, this::drain);
        assertNull(store.op(op.id()).orElseThrow().mepmOpOccId());

        lcm = newOrchestrator();
        lcm.recover();
        drain();
        assertEquals(OperationState.COMPLETED, lcm.op(op.id()).state(), String.valueOf(lcm.op(op.id()).error()));
        assertEquals(InstantiationState.INSTANTIATED, lcm.instance(inst.id()).instantiationState());
    }

    @Test
    void aRestartBeforeTheWorkStartedRunsItFromStarting() {
        AppInstance inst = created();
        OpOcc op = lcm.instantiate(inst.id(), near(37.5, 127.0));
        queued.clear(); // the process died before the worker ran
        lcm = newOrchestrator();
        lcm.recover();
        drain();
        assertEquals(OperationState.COMPLETED, lcm.op(op.id()).state());
    }

    @Test
    void cancelBeforeTheWorkRunsEndsFailedTempAndOnlyRunningOpsCanBeCancelled() {
        AppInstance inst = created();
        OpOcc op = lcm.instantiate(inst.id(), near(37.5, 127.0));
        lcm.cancel(op.id(), StopType.GRACEFUL);
        drain();
        OpOcc cancelled = lcm.op(op.id());
        assertEquals(OperationState.FAILED_TEMP, cancelled.state());
        assertEquals("Cancelled", cancelled.error().title());
        assertEquals(0, mepm.count("instantiate"));
        assertEquals(409, assertThrows(ProblemException.class, () -> lcm.cancel(op.id(), StopType.FORCEFUL)).status());
    }

    @Test
    void unsolicitedMepmStateChangesAreFollowed() {
        AppInstance inst = created();
        lcm.instantiate(inst.id(), near(37.5, 127.0));
        drain();
        lcm.mepmInstanceChanged(inst.id(), "STOPPED");
        assertEquals(OperationalState.STOPPED, lcm.instance(inst.id()).operationalState());
    }

    @Test
    void createNeedsAnOnboardedEnabledPackageAndNoMm3Id() {
        assertEquals(404, assertThrows(ProblemException.class, () -> lcm.create(
                new CreateAppInstanceRequest("unknown", null, null))).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> lcm.create(
                new CreateAppInstanceRequest("appd-1", null, null, "my-id"))).status());
        pkg = pkg.withOperationalState(AppPkgOperationalState.DISABLED);
        assertEquals(409, assertThrows(ProblemException.class, () -> lcm.create(
                new CreateAppInstanceRequest("appd-1", null, null))).status());
    }

    @Test
    void aStoppingMeoLeavesTheOperationForResumptionInsteadOfFailingIt() throws Exception {
        AppInstance inst = created();
        mepm.outcome = OperationState.PROCESSING; // the MEPM takes its time
        OpOcc op = lcm.instantiate(inst.id(), near(37.5, 127.0));
        queued.clear();
        Thread worker = new Thread(() -> lcm.run(op.id()));
        worker.start();
        long deadline = System.currentTimeMillis() + 5000;
        while (store.op(op.id()).orElseThrow().mepmOpOccId() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        worker.interrupt(); // what shutting the container's threads down does
        worker.join(5000);
        assertEquals(OperationState.PROCESSING, store.op(op.id()).orElseThrow().state());
        mepm.ops.replaceAll((k, v) -> OperationState.COMPLETED);
        lcm = newOrchestrator();
        lcm.recover();
        drain();
        assertEquals(OperationState.COMPLETED, lcm.op(op.id()).state());
    }
}

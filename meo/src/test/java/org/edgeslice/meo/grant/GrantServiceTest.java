package org.edgeslice.meo.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.common.TimeStamp;
import org.edgeslice.contract.mec010.grant.Grant;
import org.edgeslice.contract.mec010.grant.GrantOperation;
import org.edgeslice.contract.mec010.grant.GrantRequest;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.contract.mec010.lcm.LcmOperation;
import org.edgeslice.contract.mec010.lcm.OperationState;
import org.edgeslice.contract.mec010.pkgm.AppPkgOperationalState;
import org.edgeslice.contract.mec010.pkgm.Checksum;
import org.edgeslice.contract.mec010.pkgm.OnboardingState;
import org.edgeslice.contract.mec010.pkgm.UsageState;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.host.HostInventory;
import org.edgeslice.meo.lcm.InMemory;
import org.edgeslice.meo.lcm.OpOcc;
import org.edgeslice.meo.lcm.PackageCatalog;
import org.edgeslice.meo.pkgm.AppPackage;
import org.edgeslice.meo.pkgm.PackageArchive;
import org.edgeslice.meo.testing.TestPackages;
import org.edgeslice.support.problem.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Synchronous and asynchronous (202 + polling) granting, without Payara. */
class GrantServiceTest {

    private final InMemory.Store lcm = new InMemory.Store();
    private final InMemory.Tx tx = new InMemory.Tx();
    private final Grants grants = new Grants();
    private HostInventory hosts;
    private AppPackage pkg;

    @BeforeEach
    void setUp() throws Exception {
        hosts = new HostInventory(new InMemory.Hosts(), tx);
        hosts.register("edge-1", new MecHostInfo("edge-1", "edge-1", new MecHostInfo.Location(37.5, 127.0, "kr"),
                new MecHostInfo.Capacity(1000L, 4096L), "http://127.0.0.1:1/mepm", null, null, "fake"));
        PackageArchive.Contents contents = PackageArchive.read(TestPackages.zip("Definitions/appd.json",
                TestPackages.appD("appd-1", "127.0.0.1:5000/slice:1", 500, 256, 5)));
        pkg = new AppPackage("pkg-1", "slice", "1.0", "edgeslice", new Checksum("SHA-256", "x"), null, null,
                OnboardingState.CREATED, AppPkgOperationalState.ENABLED, UsageState.NOT_IN_USE, null, null, null, null,
                null, null, TimeStamp.now()).onboarded(contents);
    }

    private GrantService service(long pendingTimeoutMs) {
        PackageCatalog catalog = new PackageCatalog() {
            @Override
            public Optional<AppPackage> onboarded(String appDId) {
                return appDId.equals(pkg.appDId()) ? Optional.of(pkg) : Optional.empty();
            }

            @Override
            public Optional<AppPackage> byId(String id) {
                return Optional.empty();
            }

            @Override
            public void setUsage(String id, boolean inUse) {
            }
        };
        return new GrantService(grants, hosts, lcm, catalog, tx, new ApiRoot("http://127.0.0.1:18080/meo"),
                pendingTimeoutMs);
    }

    private static GrantRequest instantiate(String appInstanceId) {
        return new GrantRequest(appInstanceId, "op-" + appInstanceId, "appd-1", GrantOperation.INSTANTIATE, null, null,
                null, null, Map.of("hostId", "edge-1"), new GrantRequest.Links(new LinkType("http://mepm/op"),
                new LinkType("http://mepm/inst")));
    }

    /** Another instance holds 800m of the host's 1000m; its operation is {@code state}. */
    private void occupiedBy(String appInstanceId, OperationState state) {
        assertTrue(hosts.reserve("edge-1", appInstanceId, 800, 256));
        OpOcc op = OpOcc.starting("op-" + appInstanceId, appInstanceId, LcmOperation.TERMINATE, null, null, null,
                "edge-1");
        lcm.save(state == OperationState.STARTING ? op : op.to(state, null));
    }

    @Test
    void aGrantThatFitsIsDecidedAtOnceAndReservesTheCapacity() {
        GrantAnswer a = service(10_000).request(instantiate("inst-1"));
        Grant g = assertInstanceOf(GrantAnswer.Granted.class, a).grant();
        assertEquals("edge-1", g.additionalParams().get("hostId"));
        assertEquals(500, hosts.reservation("inst-1").orElseThrow().cpuMillis());
        assertEquals(g, grants.find(g.id()).orElseThrow());
    }

    @Test
    void noRoomAndNothingInFlightIsRefusedAtOnce() {
        occupiedBy("other", OperationState.COMPLETED);
        ProblemException e = assertThrows(ProblemException.class, () -> service(10_000).request(instantiate("inst-1")));
        assertEquals(403, e.status());
    }

    @Test
    void capacityHeldByAnOperationInFlightMakesTheGrantPendingUntilItIsGivenBack() {
        occupiedBy("leaving", OperationState.PROCESSING);
        GrantService service = service(10_000);
        GrantAnswer.Pending p = assertInstanceOf(GrantAnswer.Pending.class, service.request(instantiate("inst-1")));
        assertEquals("http://127.0.0.1:18080/meo/granting/v1/grants/" + p.id(), p.href());
        assertInstanceOf(GrantAnswer.Pending.class, service.poll(p.id()), "still held: still pending");
        assertTrue(hosts.reservation("inst-1").isEmpty(), "nothing reserved while pending");

        hosts.release("leaving"); // the termination completed
        Grant g = assertInstanceOf(GrantAnswer.Granted.class, service.poll(p.id())).grant();
        assertEquals(p.id(), g.id());
        assertEquals("inst-1", g.appInstanceId());
        assertEquals("edge-1", hosts.reservation("inst-1").orElseThrow().hostId());
        assertEquals(g, assertInstanceOf(GrantAnswer.Granted.class, service.poll(p.id())).grant(), "decided once");
    }

    @Test
    void aPendingGrantIsRefusedWhenTheOperationInFlightEndsWithoutGivingCapacityBack() {
        occupiedBy("staying", OperationState.PROCESSING);
        GrantService service = service(10_000);
        GrantAnswer.Pending p = assertInstanceOf(GrantAnswer.Pending.class, service.request(instantiate("inst-1")));
        lcm.save(lcm.op("op-staying").orElseThrow().to(OperationState.FAILED_TEMP, null));
        assertEquals(403, assertThrows(ProblemException.class, () -> service.poll(p.id())).status());
        hosts.release("staying");
        assertEquals(403, assertThrows(ProblemException.class, () -> service.poll(p.id())).status(),
                "a refusal is final");
    }

    @Test
    void aPendingGrantIsRefusedAfterThePendingTimeout() {
        occupiedBy("slow", OperationState.PROCESSING);
        GrantService service = service(0);
        GrantAnswer.Pending p = assertInstanceOf(GrantAnswer.Pending.class, service.request(instantiate("inst-1")));
        assertEquals(403, assertThrows(ProblemException.class, () -> service.poll(p.id())).status());
    }

    @Test
    void anUnknownGrantIsNotFound() {
        assertEquals(404, assertThrows(ProblemException.class, () -> service(10_000).poll("nope")).status());
    }

    private static final class Grants implements GrantRepository {
        final Map<String, Grant> decided = new HashMap<>();
        final Map<String, PendingGrant> pending = new HashMap<>();

        @Override
        public Optional<Grant> find(String id) {
            return Optional.ofNullable(decided.get(id));
        }

        @Override
        public void save(Grant grant) {
            decided.put(grant.id(), grant);
        }

        @Override
        public Optional<PendingGrant> pending(String id) {
            return Optional.ofNullable(pending.get(id));
        }

        @Override
        public void save(PendingGrant p) {
            pending.put(p.id(), p);
        }

        @Override
        public void deletePending(String id) {
            pending.remove(id);
        }
    }
}

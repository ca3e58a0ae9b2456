package org.edgeslice.meo.grant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.mec010.grant.Grant;
import org.edgeslice.contract.mec010.grant.GrantOperation;
import org.edgeslice.contract.mec010.grant.GrantRequest;
import org.edgeslice.contract.mec010.grant.ResourceDefinition;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.contract.mec010.pkgm.VirtualComputeDescriptor;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.common.Ids;
import org.edgeslice.meo.common.Problems;
import org.edgeslice.meo.common.Transactions;
import org.edgeslice.meo.host.HostInventory;
import org.edgeslice.meo.host.Reservation;
import org.edgeslice.meo.lcm.AppInstance;
import org.edgeslice.meo.lcm.LcmStore;
import org.edgeslice.meo.lcm.OpOcc;
import org.edgeslice.contract.mec010.lcm.OperationState;
import org.edgeslice.meo.lcm.PackageCatalog;
import org.edgeslice.meo.pkgm.AppPackage;
import org.edgeslice.support.problem.ProblemException;

/**
 * Granting (ETSI GS MEC 010-2 clause 7.5, Mm3): the MEPM asks before it instantiates, operates or terminates.
 * For INSTANTIATE the grant confirms (or makes) the capacity reservation on the host the MEO placed the
 * instance on; the compute figures come from the request's {@code addResources} or else from the AppD. A
 * request the host cannot take is refused with 403. A TERMINATE grant for an instance the MEO does not manage
 * gives its capacity back. Grants are recorded.
 *
 * <p>Synchronous (201) whenever the MEO can decide at once. When the host lacks the room only because capacity
 * is held by app instances with an operation in flight (a termination that is about to give it back, an
 * instantiation that may fail), the answer is 202 + Location instead: the request is kept and decided again at
 * each poll of {@code grants/{id}} (200 Grant, 202 still waiting, 403 refused). It is refused once no
 * operation is in flight on the host any more, or after {@code pendingTimeoutMs}. Deciding at the poll (and not
 * in the background) means a requester that stopped polling never gets capacity reserved behind its back.
 */
public class GrantService {

    private final GrantRepository grants;
    private final HostInventory hosts;
    private final LcmStore lcm;
    private final PackageCatalog packages;
    private final Transactions tx;
    private final ApiRoot apiRoot;
    private final long pendingTimeoutMs;

    public GrantService(GrantRepository grants, HostInventory hosts, LcmStore lcm, PackageCatalog packages,
                        Transactions tx, ApiRoot apiRoot, long pendingTimeoutMs) {
        this.grants = grants;
        this.hosts = hosts;
        this.lcm = lcm;
        this.packages = packages;
        this.tx = tx;
        this.apiRoot = apiRoot;
        this.pendingTimeoutMs = pendingTimeoutMs;
    }

    /** POST grants: {@link GrantAnswer.Granted} (201) or {@link GrantAnswer.Pending} (202); 403/404 thrown. */
    public synchronized GrantAnswer request(GrantRequest r) {
        validate(r);
        String id = Ids.next();
        Grant g = decide(r, id, true);
        if (g == null) {
            PendingGrant p = new PendingGrant(id, r, System.currentTimeMillis(), null);
            tx.run(() -> grants.save(p));
            return new GrantAnswer.Pending(id, href(id));
        }
        tx.run(() -> grants.save(g));
        return new GrantAnswer.Granted(g);
    }

    /** GET grants/{id}: the grant (200), still pending (202), or the refusal of a pending request thrown (403). */
    public synchronized GrantAnswer poll(String id) {
        Optional<Grant> decided = grants.find(id);
        if (decided.isPresent()) {
            return new GrantAnswer.Granted(decided.get());
        }
        PendingGrant p = grants.pending(id).orElseThrow(() -> ProblemException.notFound("No grant " + id));
        if (p.refusal() != null) {
            throw new ProblemException(p.refusal().status(), p.refusal().title(), p.refusal().detail());
        }
        boolean mayWait = System.currentTimeMillis() - p.sinceMs() < pendingTimeoutMs;
        Grant g;
        try {
            g = decide(p.request(), id, mayWait);
        } catch (ProblemException e) {
            tx.run(() -> grants.save(p.refused(e.toProblemDetails(null))));
            throw e;
        }
        if (g == null) {
            return new GrantAnswer.Pending(id, href(id));
        }
        tx.run(() -> {
            grants.save(g);
            grants.deletePending(id);
        });
        return new GrantAnswer.Granted(g);
    }

    private static void validate(GrantRequest r) {
        Problems.require(r, "body");
        Problems.require(r.appInstanceId(), "appInstanceId");
        Problems.require(r.appLcmOpOccId(), "appLcmOpOccId");
        Problems.require(r.appDId(), "appDId");
        Problems.require(r.operation(), "operation");
        for (List<ResourceDefinition> list : java.util.Arrays.asList(r.addResources(), r.removeResources(),
                r.tempResources(), r.updateResources())) {
            if (list != null) {
                for (ResourceDefinition d : list) {
                    Problems.require(d, "resource definition");
                    Problems.require(d.id(), "ResourceDefinition.id");
                    Problems.require(d.type(), "ResourceDefinition.type");
                }
            }
        }
    }

    /** The grant with id {@code id}, or null when it must wait ({@code mayWait}); a refusal is thrown. */
    private Grant decide(GrantRequest r, String id, boolean mayWait) {
        Optional<AppInstance> inst = lcm.instance(r.appInstanceId());
        Optional<Reservation> reserved = hosts.reservation(r.appInstanceId());
        String hostId = reserved.map(Reservation::hostId)
                .or(() -> inst.map(AppInstance::hostId))
                .or(() -> Optional.ofNullable(r.additionalParams() == null ? null
                        : (String) stringParam(r.additionalParams(), "hostId")))
                .orElse(null);
        if (hostId != null && hosts.host(hostId).isEmpty()) {
            throw ProblemException.notFound("MEC host " + hostId + " is not registered");
        }
        long cpu = 0;
        long mem = 0;
        if (r.operation() == GrantOperation.INSTANTIATE) {
            VirtualComputeDescriptor vc = null;
            if (r.addResources() != null) {
                for (ResourceDefinition d : r.addResources()) {
                    if (d.type() == ResourceDefinition.Type.COMPUTE && d.virtualComputeDescriptor() != null) {
                        cpu += d.virtualComputeDescriptor().cpuMillis();
                        mem += d.virtualComputeDescriptor().memoryMb();
                        vc = d.virtualComputeDescriptor();
                    }
                }
            }
            if (vc == null) {
                Optional<AppPackage> pkg = packages.onboarded(r.appDId());
                if (pkg.isPresent() && pkg.get().appD().virtualComputeDescriptor() != null) {
                    cpu = pkg.get().appD().virtualComputeDescriptor().cpuMillis();
                    mem = pkg.get().appD().virtualComputeDescriptor().memoryMb();
                }
            }
            if (hostId != null) {
                long c = cpu;
                long m = mem;
                boolean ok = reserved.map(res -> res.hostId().equals(hostId) && res.cpuMillis() >= c
                                && res.memoryMb() >= m).orElse(false)
                        || hosts.reserve(hostId, r.appInstanceId(), cpu, mem);
                if (!ok) {
                    if (mayWait && capacityInFlight(hostId, r.appInstanceId())) {
                        return null;
                    }
                    throw ProblemException.forbidden("Grant refused: MEC host " + hostId + " has no room for " + cpu
                            + "m CPU/" + mem + " MB");
                }
            }
        }
        if (r.operation() == GrantOperation.TERMINATE && inst.isEmpty()) {
            // an instance the MEPM runs on its own (not through the MEO): its capacity returns with this grant;
            // for the MEO's own instances the orchestrator releases it when the termination completes
            hosts.release(r.appInstanceId());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (hostId != null) {
            params.put("hostId", hostId);
            MecHostInfo h = hosts.host(hostId).orElseThrow();
            params.put("cpuMillis", cpu);
            params.put("memoryMb", mem);
            params.put("hostCapacity", h.capacity());
            params.put("hostAllocated", h.allocated());
        }
        String zone = hostId == null ? null : "zone-" + hostId;
        List<Grant.ZoneInfo> zones = hostId == null ? null : List.of(new Grant.ZoneInfo(zone, hostId, null));
        return new Grant(id, r.appInstanceId(), r.appLcmOpOccId(), null, zones, null,
                infos(r.addResources(), zone), infos(r.tempResources(), zone), infos(r.removeResources(), zone),
                infos(r.updateResources(), zone), null, null, params.isEmpty() ? null : params,
                new Grant.Links(r.links() == null ? new LinkType("") : r.links().appLcmOpOcc(),
                        r.links() == null ? new LinkType(apiRoot.href("app_lcm/v1/app_instances/" + r.appInstanceId()))
                                : r.links().appInstance(),
                        new LinkType(href(id))));
    }

    /**
     * Whether some of the host's reserved capacity belongs to other app instances with an operation in flight
     * (STARTING or PROCESSING at the MEO): that capacity may come back soon, so a grant is worth waiting for.
     */
    private boolean capacityInFlight(String hostId, String requester) {
        for (Reservation res : hosts.reservationsOn(hostId)) {
            if (res.appInstanceId().equals(requester)) {
                continue;
            }
            for (OpOcc op : lcm.opsOf(res.appInstanceId())) {
                if (op.state() == OperationState.STARTING || op.state() == OperationState.PROCESSING) {
                    return true;
                }
            }
        }
        return false;
    }

    private String href(String id) {
        return apiRoot.href("granting/v1/grants/" + id);
    }

    private static Object stringParam(Map<String, Object> params, String name) {
        Object v = params.get(name);
        return v instanceof String ? v : null;
    }

    private static List<Grant.GrantInfo> infos(List<ResourceDefinition> defs, String zone) {
        if (defs == null) {
            return null;
        }
        List<Grant.GrantInfo> out = new ArrayList<>();
        for (ResourceDefinition d : defs) {
            out.add(new Grant.GrantInfo(d.id(), null, null, zone));
        }
        return out;
    }
}

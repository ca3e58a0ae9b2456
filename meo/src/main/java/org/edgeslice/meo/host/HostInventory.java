package org.edgeslice.meo.host;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.edgeslice.contract.common.TimeStamp;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.meo.common.Problems;
import org.edgeslice.meo.common.Transactions;
import org.edgeslice.support.problem.ProblemException;

/**
 * The MEC host inventory: hosts register themselves (their MEPM does, at start), capacity is reserved per app
 * instance. Reservations are checked and written under one lock so that two placements cannot both take the
 * last free capacity.
 */
public class HostInventory {

    private final HostRepository repository;
    private final Transactions tx;

    public HostInventory(HostRepository repository, Transactions tx) {
        this.repository = repository;
        this.tx = tx;
    }

    /** Registers or updates a host; returns true when it was new. */
    public synchronized boolean register(String hostId, MecHostInfo info) {
        Problems.require(info, "body");
        Problems.require(info.hostId(), "hostId");
        if (!hostId.equals(info.hostId())) {
            throw ProblemException.badRequest("hostId in the body ('" + info.hostId() + "') differs from the path ('"
                    + hostId + "')");
        }
        Problems.require(info.name(), "name");
        Problems.require(info.location(), "location");
        Problems.require(info.capacity(), "capacity");
        if (info.capacity().cpuMillis() == null || info.capacity().cpuMillis() < 0
                || info.capacity().memoryMb() == null || info.capacity().memoryMb() < 0) {
            throw ProblemException.badRequest("capacity.cpuMillis and capacity.memoryMb must be >= 0");
        }
        if (info.allocated() != null || info.registeredAt() != null) {
            throw ProblemException.badRequest("'allocated' and 'registeredAt' are read-only");
        }
        requireHttpUrl(info.mepmApiRoot(), "mepmApiRoot");
        if (info.mepApiRoot() != null) {
            requireHttpUrl(info.mepApiRoot(), "mepApiRoot");
        }
        boolean created = repository.host(hostId).isEmpty();
        MecHostInfo stored = new MecHostInfo(info.hostId(), info.name(), info.location(), info.capacity(),
                strip(info.mepmApiRoot()), info.mepApiRoot() == null ? null : strip(info.mepApiRoot()),
                info.dockerEndpoint(), info.driver(), null, TimeStamp.now());
        tx.run(() -> repository.save(stored));
        return created;
    }

    public Optional<MecHostInfo> host(String hostId) {
        return repository.host(hostId).map(this::withAllocation);
    }

    public List<MecHostInfo> hosts() {
        return repository.hosts().stream().map(this::withAllocation).toList();
    }

    /** Every host with its free capacity now. */
    public synchronized List<HostView> views() {
        List<Reservation> reservations = repository.reservations();
        return repository.hosts().stream().map(h -> {
            long cpu = 0;
            long mem = 0;
            for (Reservation r : reservations) {
                if (r.hostId().equals(h.hostId())) {
                    cpu += r.cpuMillis();
                    mem += r.memoryMb();
                }
            }
            return new HostView(h, h.capacity().cpuMillis() - cpu, h.capacity().memoryMb() - mem);
        }).toList();
    }

    /**
     * Holds capacity on a host for an instance. Idempotent for the same instance and host; returns false when
     * the host lacks the free capacity.
     */
    public synchronized boolean reserve(String hostId, String appInstanceId, long cpuMillis, long memoryMb) {
        Optional<Reservation> existing = repository.reservation(appInstanceId);
        if (existing.isPresent() && existing.get().hostId().equals(hostId)) {
            return true;
        }
        HostView view = views().stream().filter(v -> v.id().equals(hostId)).findFirst().orElse(null);
        if (view == null) {
            return false;
        }
        // an instance moving hosts (a retried placement) gives its old reservation back first
        existing.ifPresent(r -> tx.run(() -> repository.deleteReservation(appInstanceId)));
        if (!view.fits(cpuMillis, memoryMb)) {
            return false;
        }
        tx.run(() -> repository.save(new Reservation(appInstanceId, hostId, cpuMillis, memoryMb)));
        return true;
    }

    public Optional<Reservation> reservation(String appInstanceId) {
        return repository.reservation(appInstanceId);
    }

    /** The reservations held on one host. */
    public List<Reservation> reservationsOn(String hostId) {
        return repository.reservations().stream().filter(r -> r.hostId().equals(hostId)).toList();
    }

    public synchronized void release(String appInstanceId) {
        if (repository.reservation(appInstanceId).isPresent()) {
            tx.run(() -> repository.deleteReservation(appInstanceId));
        }
    }

    private MecHostInfo withAllocation(MecHostInfo h) {
        long cpu = 0;
        long mem = 0;
        for (Reservation r : repository.reservations()) {
            if (r.hostId().equals(h.hostId())) {
                cpu += r.cpuMillis();
                mem += r.memoryMb();
            }
        }
        return new MecHostInfo(h.hostId(), h.name(), h.location(), h.capacity(), h.mepmApiRoot(), h.mepApiRoot(),
                h.dockerEndpoint(), h.driver(), new MecHostInfo.Capacity(cpu, mem), h.registeredAt());
    }

    private static void requireHttpUrl(String value, String name) {
        Problems.require(value, name);
        try {
            URI u = URI.create(value);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw ProblemException.badRequest("'" + name + "' must be an absolute http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'" + name + "' is not a URL: " + e.getMessage());
        }
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}

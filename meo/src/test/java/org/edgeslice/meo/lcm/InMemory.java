package org.edgeslice.meo.lcm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionInfo;
import org.edgeslice.meo.common.Notifier;
import org.edgeslice.meo.common.Transactions;
import org.edgeslice.meo.host.HostRepository;
import org.edgeslice.meo.host.Reservation;

/** In-memory adapters: the "database" survives an orchestrator being thrown away, as after a restart. */
public final class InMemory {

    private InMemory() {
    }

    public static final class Tx implements Transactions {
        @Override
        public <T> T call(Supplier<T> work) {
            return work.get();
        }
    }

    public static final class Outbox implements Notifier {
        final List<Object> sent = new ArrayList<>();

        @Override
        public synchronized void enqueue(String callbackUri, Object notification) {
            sent.add(notification);
        }
    }

    public static final class Store implements LcmStore {
        final Map<String, AppInstance> instances = new LinkedHashMap<>();
        final Map<String, OpOcc> ops = new LinkedHashMap<>();
        final Map<String, LcmSubscriptionInfo> subs = new LinkedHashMap<>();

        @Override
        public synchronized Optional<AppInstance> instance(String id) {
            return Optional.ofNullable(instances.get(id));
        }

        @Override
        public synchronized List<AppInstance> instances() {
            return new ArrayList<>(instances.values());
        }

        @Override
        public synchronized void save(AppInstance instance) {
            instances.put(instance.id(), instance);
        }

        @Override
        public synchronized void deleteInstance(String id) {
            instances.remove(id);
        }

        @Override
        public synchronized Optional<OpOcc> op(String id) {
            return Optional.ofNullable(ops.get(id));
        }

        @Override
        public synchronized List<OpOcc> ops() {
            return new ArrayList<>(ops.values());
        }

        @Override
        public synchronized void save(OpOcc op) {
            ops.put(op.id(), op);
        }

        @Override
        public synchronized List<LcmSubscriptionInfo> subscriptions() {
            return new ArrayList<>(subs.values());
        }

        @Override
        public synchronized Optional<LcmSubscriptionInfo> subscription(String id) {
            return Optional.ofNullable(subs.get(id));
        }

        @Override
        public synchronized void save(LcmSubscriptionInfo subscription) {
            subs.put(subscription.id(), subscription);
        }

        @Override
        public synchronized boolean deleteSubscription(String id) {
            return subs.remove(id) != null;
        }
    }

    public static final class Hosts implements HostRepository {
        final Map<String, MecHostInfo> hosts = new LinkedHashMap<>();
        final Map<String, Reservation> reservations = new LinkedHashMap<>();

        @Override
        public synchronized Optional<MecHostInfo> host(String hostId) {
            return Optional.ofNullable(hosts.get(hostId));
        }

        @Override
        public synchronized List<MecHostInfo> hosts() {
            return new ArrayList<>(hosts.values());
        }

        @Override
        public synchronized void save(MecHostInfo host) {
            hosts.put(host.hostId(), host);
        }

        @Override
        public synchronized List<Reservation> reservations() {
            return new ArrayList<>(reservations.values());
        }

        @Override
        public synchronized Optional<Reservation> reservation(String appInstanceId) {
            return Optional.ofNullable(reservations.get(appInstanceId));
        }

        @Override
        public synchronized void save(Reservation reservation) {
            reservations.put(reservation.appInstanceId(), reservation);
        }

        @Override
        public synchronized void deleteReservation(String appInstanceId) {
            reservations.remove(appInstanceId);
        }
    }
}

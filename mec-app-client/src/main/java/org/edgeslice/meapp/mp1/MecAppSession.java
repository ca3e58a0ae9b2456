package org.edgeslice.meapp.mp1;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.edgeslice.contract.mec011.AppInfo;
import org.edgeslice.contract.mec011.AppTerminationNotification;
import org.edgeslice.contract.mec011.AppTerminationNotificationSubscription;
import org.edgeslice.contract.mec011.SerAvailabilityNotificationSubscription;
import org.edgeslice.contract.mec011.FilteringCriteria;
import org.edgeslice.contract.mec011.OperationActionType;
import org.edgeslice.contract.mec011.ServiceAvailabilityNotification;
import org.edgeslice.contract.mec011.ServiceInfo;
import org.edgeslice.contract.mec011.ServiceInfoPost;

/**
 * The standard Mp1 life of an ME App (ETSI GS MEC 011 clause 5.2): register ({@code registrations}), subscribe to
 * AppTerminationNotification, register the app's services, optionally subscribe to service availability, then
 * {@code confirm_ready}. When the platform announces termination the session runs the app's final work (bounded by
 * {@code maxGracefulTimeout}), sends {@code confirm_termination} and then tells the app it may exit.
 *
 * <p>Start-up is idempotent so a restarted container can run it again: an existing registration is updated (409 →
 * PUT), the app's earlier subscriptions of the types it subscribes to are deleted first (their callbacks died with
 * the old process), a service the app already registered under the same serName is updated instead of duplicated, and a 409 on
 * confirm_ready (already confirmed) is accepted. Calls the platform cannot answer yet (unreachable, 5xx) are retried
 * with backoff until {@code startTimeout}.
 */
public final class MecAppSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MecAppSession.class.getName());

    private final Mp1Client client;
    private final Mp1Notifications notifications;
    private final String callbackBaseUrl;
    private final AppInfo appInfo;
    private final List<ServiceInfoPost> services;
    private final FilteringCriteria availabilityFilter;
    private final Consumer<ServiceAvailabilityNotification> availabilityListener;
    private final Consumer<OperationActionType> finalWork;
    private final Consumer<OperationActionType> afterConfirm;
    private final Duration startTimeout;

    private final List<ServiceInfo> registered = new ArrayList<>();
    private final List<Mp1Subscription> subscriptions = new ArrayList<>();
    private final AtomicBoolean terminating = new AtomicBoolean();
    private volatile boolean ready;

    private MecAppSession(Builder b) {
        this.client = b.client;
        this.notifications = b.notifications;
        this.callbackBaseUrl = b.callbackBaseUrl;
        this.appInfo = b.appInfo;
        this.services = List.copyOf(b.services);
        this.availabilityFilter = b.availabilityFilter;
        this.availabilityListener = b.availabilityListener;
        this.finalWork = b.finalWork;
        this.afterConfirm = b.afterConfirm;
        this.startTimeout = b.startTimeout;
    }

    public static Builder builder(Mp1Client client, Mp1Notifications notifications, String callbackBaseUrl) {
        return new Builder(client, notifications, callbackBaseUrl);
    }

    /** Runs the start-up sequence; returns when confirm_ready was accepted. */
    public MecAppSession start() {
        return register().confirmReady(List.of());
    }

    /**
     * The first half of the start: the registration and, for a new one, the subscriptions. It announces nothing to
     * other apps, so an app may run it while it is still setting itself up, then call {@link #confirmReady}.
     */
    public synchronized MecAppSession register() {
        notifications.onAppTermination(this::terminationNotified);
        if (availabilityListener != null) {
            notifications.onServiceAvailability(availabilityListener);
        }
        String id = client.settings().appInstanceId();
        AppInfo info = new AppInfo(appInfo.appName(), appInfo.appProvider(), appInfo.appCategory(),
                appInfo.appDId() != null ? appInfo.appDId() : client.settings().appDId(), id, appInfo.endpoint(),
                appInfo.appServiceRequired(), appInfo.appServiceOptional(), appInfo.appFeatureRequired(),
                appInfo.appFeatureOptional(), appInfo.isInsByMec(), appInfo.appProfile());
        deadline = System.nanoTime() + startTimeout.toNanos();
        startedAt = System.nanoTime();
        // a new registration (201) means the platform holds nothing of this app instance yet: no stale
        // subscriptions to drop and no earlier services to update, so two listing round trips are skipped and
        // the subscriptions (independent requests) go out together
        fresh = retrying("register", deadline, () -> {
            try {
                client.register(info);
                return true;
            } catch (Mp1Exception e) {
                if (e.status() != 409) {
                    throw e;
                }
                client.updateRegistration(info);
                return false;
            }
        });
        if (fresh) {
            subscribe();
        }
        registeredAt = System.nanoTime();
        return this;
    }

    /**
     * The second half: the app's services (those of the builder and {@code more}, known only now, e.g. once the
     * endpoints are bound) are registered, several at once, then confirm_ready. Returns when it was accepted.
     */
    public synchronized MecAppSession confirmReady(List<ServiceInfoPost> more) {
        if (registeredAt == 0) {
            throw new IllegalStateException("register() first");
        }
        List<ServiceInfoPost> all = new ArrayList<>(services);
        all.addAll(more);
        long t1 = System.nanoTime();
        if (fresh) {
            List<Call<Object>> calls = new ArrayList<>();
            for (ServiceInfoPost s : all) {
                calls.add(() -> registerOrUpdate(s, List.of()));
            }
            for (Object o : parallel(calls, deadline)) {
                registered.add((ServiceInfo) o);
            }
        } else {
            restartAfterEarlierRegistration(all, deadline);
        }
        long t2 = System.nanoTime();
        retrying("confirm_ready", deadline, () -> {
            try {
                client.confirmReady();
            } catch (Mp1Exception e) {
                if (e.status() != 409) {
                    throw e;
                }
                LOG.log(Level.INFO, "confirm_ready: platform answered 409 (already confirmed after a restart?): {0}",
                        e.detail());
            }
            return null;
        });
        ready = true;
        long t3 = System.nanoTime();
        LOG.log(Level.INFO, "Mp1: app {0} registered, {1} service(s), ready {2} ms after the registration began ({3}: "
                + "registration and subscriptions {4} ms, waiting for the app {5} ms, services {6} ms, confirm_ready "
                + "{7} ms)", client.settings().appInstanceId(), registered.size(), (t3 - startedAt) / 1_000_000,
                fresh ? "new" : "restart", (registeredAt - startedAt) / 1_000_000, (t1 - registeredAt) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        return this;
    }

    private long deadline;
    private long startedAt;
    private long registeredAt;
    private boolean fresh;

    /** The idempotent start of an app the platform already knows (a restarted container). */
    private void restartAfterEarlierRegistration(List<ServiceInfoPost> services, long deadline) {
        // a restarted app subscribes again with a new callback: the old subscriptions point at a dead endpoint
        retrying("drop stale subscriptions", deadline, () -> {
            dropStale(client.appSupportSubscriptions(), AppTerminationNotificationSubscription.TYPE);
            if (availabilityFilter != null) {
                dropStale(client.serviceSubscriptions(), SerAvailabilityNotificationSubscription.TYPE);
            }
            return null;
        });
        subscribe();
        if (!services.isEmpty()) {
            // one discovery of what this app registered before, not one per service: start-up cost
            List<ServiceInfo> existing = retrying("list own services", deadline,
                    () -> client.ownServices(ServiceQuery.all()));
            List<Call<Object>> calls = new ArrayList<>();
            for (ServiceInfoPost s : services) {
                calls.add(() -> registerOrUpdate(s, existing));
            }
            for (Object o : parallel(calls, deadline)) {
                registered.add((ServiceInfo) o);
            }
        }
    }

    /** AppTerminationNotification and, if asked for, service availability: independent requests, sent together. */
    private void subscribe() {
        List<Call<Object>> calls = new ArrayList<>();
        calls.add(() -> client.subscribeAppTermination(
                notifications.callbackReference(callbackBaseUrl, Mp1Notifications.APP_TERMINATION)));
        if (availabilityFilter != null) {
            calls.add(() -> client.subscribeServiceAvailability(
                    notifications.callbackReference(callbackBaseUrl, Mp1Notifications.SERVICE_AVAILABILITY),
                    availabilityFilter));
        }
        for (Object o : parallel(calls, deadline)) {
            subscriptions.add((Mp1Subscription) o);
        }
    }

    private void dropStale(List<Mp1Subscription> existing, String type) {
        for (Mp1Subscription old : existing) {
            if (type.equals(old.subscriptionType())) {
                try {
                    client.unsubscribe(old);
                } catch (Mp1Exception e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                }
            }
        }
    }

    private ServiceInfo registerOrUpdate(ServiceInfoPost s, List<ServiceInfo> before) {
        Optional<ServiceInfo> existing = before.stream().filter(e -> s.serName().equals(e.serName())).findFirst();
        if (existing.isEmpty()) {
            return client.registerService(s);
        }
        ServiceInfo e = existing.get();
        return client.updateService(new ServiceInfo(e.serInstanceId(), s.serName(), s.serCategory(), s.version(),
                s.state(), s.transportInfo() == null ? s.transportId() : null,
                s.transportInfo() != null ? s.transportInfo() : null, s.serializer(), s.scopeOfLocality(),
                s.consumedLocalOnly(), s.isLocal(), s.livenessInterval(), null));
    }

    public boolean isReady() {
        return ready;
    }

    public List<ServiceInfo> services() {
        return List.copyOf(registered);
    }

    public Mp1Client client() {
        return client;
    }

    private void terminationNotified(AppTerminationNotification n) {
        if (!terminating.compareAndSet(false, true)) {
            LOG.log(Level.INFO, "AppTerminationNotification again; already terminating");
            return;
        }
        OperationActionType action = n.operationAction() == null ? OperationActionType.TERMINATING : n.operationAction();
        int grace = n.maxGracefulTimeout() == null ? 10 : Math.max(1, n.maxGracefulTimeout());
        LOG.log(Level.INFO, "AppTerminationNotification {0}, maxGracefulTimeout {1} s", action, grace);
        // the final work may take long; confirm in time anyway (a late confirmation is worth nothing)
        CompletableFuture<Void> work = CompletableFuture.runAsync(() -> finalWork.accept(action));
        try {
            work.get(Math.max(500, grace * 1000L - 500), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "final work did not finish within maxGracefulTimeout; confirming anyway");
        } catch (ExecutionException e) {
            LOG.log(Level.ERROR, "final work failed; confirming termination anyway", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            client.confirmTermination(action);
        } catch (Mp1Exception e) {
            LOG.log(Level.WARNING, "confirm_termination failed: {0}", e.getMessage());
        }
        afterConfirm.accept(action);
    }

    /**
     * The app stops on its own (not through the platform): withdraw its services and subscriptions so consumers
     * do not keep using them. Best effort; the registration stays (the MEPM removes it at terminate).
     */
    @Override
    public void close() {
        if (terminating.get()) {
            return;
        }
        for (ServiceInfo s : registered) {
            quietly(() -> client.deleteService(s.serInstanceId()));
        }
        for (Mp1Subscription sub : subscriptions) {
            quietly(() -> client.unsubscribe(sub));
        }
        registered.clear();
        subscriptions.clear();
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "ignored at close: {0}", e.getMessage());
        }
    }

    interface Call<T> {
        T run();
    }

    /**
     * Runs independent Mp1 requests several at once (each with its own retries): one after another they were the
     * longest part of an IoT slice's start (a subscription and five services, a loopback round trip each). The
     * results keep the given order; the first failure is thrown once all have ended.
     */
    private static List<Object> parallel(List<Call<Object>> calls, long deadline) {
        if (calls.isEmpty()) {
            return List.of();
        }
        if (calls.size() == 1) {
            return List.of(retrying("Mp1 start", deadline, calls.get(0)));
        }
        List<CompletableFuture<Object>> pending = new ArrayList<>();
        for (Call<Object> c : calls.subList(1, calls.size())) {
            pending.add(CompletableFuture.supplyAsync(() -> retrying("Mp1 start", deadline, c), STARTUP));
        }
        List<Object> out = new ArrayList<>();
        RuntimeException failure = null;
        try {
            out.add(retrying("Mp1 start", deadline, calls.get(0))); // this thread does one of them
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<Object> f : pending) {
            try {
                out.add(f.join());
            } catch (java.util.concurrent.CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    /** Daemon threads for the start-up requests; idle ones end after a few seconds. */
    private static final java.util.concurrent.ExecutorService STARTUP = new java.util.concurrent.ThreadPoolExecutor(0, 8,
            5, TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "mp1-start");
                t.setDaemon(true);
                return t;
            });

    private static <T> T retrying(String what, long deadline, Call<T> call) {
        long backoff = 200;
        while (true) {
            try {
                return call.run();
            } catch (Mp1Exception e) {
                boolean transientFailure = e.status() == 0 || e.status() >= 500 || e.status() == 429;
                if (!transientFailure || System.nanoTime() + backoff * 1_000_000 > deadline) {
                    throw e;
                }
                LOG.log(Level.INFO, "{0}: {1}; retrying in {2} ms", what, e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    public static final class Builder {
        private final Mp1Client client;
        private final Mp1Notifications notifications;
        private final String callbackBaseUrl;
        private AppInfo appInfo;
        private final List<ServiceInfoPost> services = new ArrayList<>();
        private FilteringCriteria availabilityFilter;
        private Consumer<ServiceAvailabilityNotification> availabilityListener;
        private Consumer<OperationActionType> finalWork = a -> { };
        private Consumer<OperationActionType> afterConfirm = a -> { };
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder(Mp1Client client, Mp1Notifications notifications, String callbackBaseUrl) {
            this.client = client;
            this.notifications = notifications;
            this.callbackBaseUrl = callbackBaseUrl;
        }

        /** appInstanceId is filled in from the settings; appDId too if the AppInfo has none. */
        public Builder appInfo(AppInfo info) {
            this.appInfo = info;
            return this;
        }

        public Builder service(ServiceInfoPost service) {
            services.add(service);
            return this;
        }

        public Builder serviceAvailability(FilteringCriteria filter, Consumer<ServiceAvailabilityNotification> listener) {
            this.availabilityFilter = filter;
            this.availabilityListener = listener;
            return this;
        }

        /** Work to do before confirm_termination (e.g. the slice's final sync to the cloud). */
        public Builder beforeTerminationConfirmed(Consumer<OperationActionType> work) {
            this.finalWork = work;
            return this;
        }

        /** Runs after confirm_termination (e.g. stop the process). */
        public Builder afterTerminationConfirmed(Consumer<OperationActionType> action) {
            this.afterConfirm = action;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public MecAppSession build() {
            if (appInfo == null) {
                throw new IllegalStateException("appInfo is required");
            }
            return new MecAppSession(this);
        }
    }
}

package org.edgeslice.onem2m.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.ReleaseVersions;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.store.ResourceStore;

/**
 * The Notification half of the Subscription and Notification CSF (TS-0001 §6.2.8, §10.2.10; TS-0004 §7.3.7,
 * §7.4.8): builds {@code m2m:sgn} notifications and delivers them to the subscriptions' {@code nu} targets.
 * <ul>
 *   <li>verification request ({@code vrq}) to each target on subscription create; a failed one fails the create
 *       with 5204 (TS-0004 §7.3.8.2.1). A target equal to the subscription's originator is not verified;</li>
 *   <li>event notifications ({@code nev} with {@code rep} per {@code nct} and {@code net}) for the event types the
 *       subscription's {@code enc/net} asks for (default: 1, update of resource); sent asynchronously, in order,
 *       with retries;</li>
 *   <li>{@code sud} to the {@code su} of a deleted subscription;</li>
 *   <li>{@code exc}: after that many notifications the subscription is removed (via the callback the engine
 *       registers), which in turn sends {@code sud};</li>
 *   <li>{@code bn} (batchNotify) and {@code rl} (rateLimit): when event notifications leave, see
 *       {@link NotificationPacing}.</li>
 * </ul>
 * A {@code nu} that is not a URL is a resource id of an AE whose {@code poa} receives the notification.
 */
public final class NotificationService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(NotificationService.class.getName());
    public static final int NET_UPDATE = 1;
    public static final int NET_DELETE = 2;
    public static final int NET_CREATE_CHILD = 3;
    public static final int NET_DELETE_CHILD = 4;

    private final ResourceStore store;
    private final NotificationSender sender;
    private final String cseId;
    private final int retries;
    private final java.util.function.Function<String, Optional<Resource>> addressLookup;
    private final ScheduledThreadPoolExecutor executor;
    private final Map<String, Integer> sentCounts = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile Consumer<String> subscriptionExpirer = ri -> { };
    /** Batches and rate limits; used on the notification thread only. */
    private final NotificationPacing pacing;

    /**
     * @param addressLookup resolves a {@code nu} that is a resource address to the resource (an AE)
     * @param retries       additional attempts per event notification and target (100 ms, 400 ms, 1.6 s ... apart)
     */
    public NotificationService(ResourceStore store, NotificationSender sender, String cseId, int retries,
                               java.util.function.Function<String, Optional<Resource>> addressLookup) {
        this.store = store;
        this.sender = sender;
        this.cseId = cseId;
        this.retries = retries;
        this.addressLookup = addressLookup;
        // one thread: notifications of one resource reach a target in the order the events happened
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "onem2m-notify");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.pacing = new NotificationPacing(executor, (uri, body) -> deliver(uri, body, 0));
    }

    /** The engine's way to delete a subscription whose {@code exc} is used up. */
    public void onExpirationCounterReached(Consumer<String> expirer) {
        this.subscriptionExpirer = expirer;
    }

    /**
     * Sends the verification request to each {@code nu} target, synchronously (TS-0004 §7.3.8.2.1 step 3).
     *
     * @throws Onem2mException 5204 SUBSCRIPTION_VERIFICATION_INITIATION_FAILED if a target does not accept it
     */
    public void verify(String subRi, List<String> nus, String originator) {
        for (String nu : nus) {
            if (nu.equals(originator)) {
                continue; // the subscriber itself: nothing to verify (ACME does the same)
            }
            URI uri = resolveTarget(nu).orElseThrow(() -> new Onem2mException(
                    ResponseStatusCode.SUBSCRIPTION_VERIFICATION_INITIATION_FAILED, "cannot resolve nu " + nu));
            ObjectNode sgn = Json.object();
            sgn.put("vrq", true);
            sgn.put("sur", cseId + "/" + subRi);
            sgn.put("cr", originator);
            NotificationSender.DeliveryResult r = sender.send(uri, cseId, nextRequestId(), wrap(sgn));
            if (!r.delivered()) {
                throw new Onem2mException(ResponseStatusCode.SUBSCRIPTION_VERIFICATION_INITIATION_FAILED,
                        "verification of " + nu + " failed: " + r.detail());
            }
        }
    }

    /** {@code net=1}: a subscribed-to resource was updated; {@code modified} holds the changed attributes. */
    public void resourceUpdated(Resource resource, ObjectNode modified) {
        notifySubscribers(resource, resource, modified, NET_UPDATE);
    }

    /**
     * {@code net=2}: a subscribed-to resource was deleted, together with its subscriptions (which the caller
     * passes, as they are no longer in the store).
     */
    public void resourceDeleted(Resource resource, List<Resource> itsSubscriptions) {
        notify(itsSubscriptions, resource, null, NET_DELETE);
    }

    /** {@code net=3}: a direct child was created under a subscribed-to resource. */
    public void childCreated(Resource parent, Resource child) {
        notifySubscribers(parent, child, null, NET_CREATE_CHILD);
    }

    /** {@code net=4}: a direct child of a subscribed-to resource was deleted. */
    public void childDeleted(Resource parent, Resource child) {
        notifySubscribers(parent, child, null, NET_DELETE_CHILD);
    }

    /** Sends {@code sud} to the subscriber URI of a deleted subscription (TS-0004 §7.3.8.2.3). */
    public void subscriptionDeleted(Resource sub) {
        sentCounts.remove(sub.ri());
        subscriptionChanged(sub); // batched notifications go before the deletion notice
        String su = sub.text("su");
        if (su == null || su.isEmpty()) {
            return;
        }
        ObjectNode sgn = Json.object();
        sgn.put("sud", true);
        sgn.put("sur", cseId + "/" + sub.ri());
        JsonNode body = wrap(sgn);
        resolveTarget(su).ifPresent(uri -> executor.execute(() -> deliver(uri, body, 0)));
    }

    /** A subscription was updated or deleted: what waits for it (batches, rate limit) is sent now. */
    public void subscriptionChanged(Resource sub) {
        executor.execute(() -> pacing.release(sub.ri()));
    }

    private void notifySubscribers(Resource subscribed, Resource subject, ObjectNode modified, int net) {
        notify(store.children(subscribed.ri(), ResourceType.SUBSCRIPTION), subject, modified, net);
    }

    private void notify(List<Resource> subs, Resource subject, ObjectNode modified, int net) {
        for (Resource sub : subs) {
            // a new subscription is a new child too, but its own creation is answered by the verification
            if (sub.ri().equals(subject.ri()) || !wants(sub, net, subject)) {
                continue;
            }
            JsonNode body = eventBody(sub, subject, modified, net);
            JsonNode bn = sub.attrs().get("bn");
            JsonNode rl = sub.attrs().get("rl");
            for (String nu : sub.textList("nu")) {
                executor.execute(() -> resolveTarget(nu).ifPresentOrElse(
                        uri -> pacing.event(sub.ri(), uri, body, bn, rl),
                        () -> LOG.log(Level.WARNING, "notification target {0} cannot be resolved", nu)));
            }
            countAndExpire(sub);
        }
    }

    private static boolean wants(Resource sub, int net, Resource subject) {
        JsonNode enc = sub.attrs().get("enc");
        JsonNode nets = enc == null ? null : enc.get("net");
        boolean eventWanted;
        if (nets == null || !nets.isArray() || nets.isEmpty()) {
            eventWanted = net == NET_UPDATE; // TS-0004 §6.3.5.x: default notificationEventType is 1
        } else {
            eventWanted = false;
            for (JsonNode n : nets) {
                eventWanted |= n.asInt() == net;
            }
        }
        if (!eventWanted) {
            return false;
        }
        JsonNode chty = enc == null ? null : enc.get("chty");
        if ((net == NET_CREATE_CHILD || net == NET_DELETE_CHILD) && chty != null && chty.isArray()
                && !chty.isEmpty()) {
            for (JsonNode t : chty) {
                if (t.asInt() == subject.type().ty()) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private JsonNode eventBody(Resource sub, Resource subject, ObjectNode modified, int net) {
        int nct = (int) sub.longValue("nct", 1);
        ObjectNode nev = Json.object();
        switch (nct) {
            case 2 -> nev.set("rep", Json.object().set(subject.type().root(),
                    modified != null ? modified : subject.attrs()));
            case 3 -> nev.set("rep", Json.object().put("m2m:uri", subject.ri()));
            default -> nev.set("rep", Json.object().set(subject.type().root(), subject.attrs()));
        }
        nev.put("net", net);
        ObjectNode sgn = Json.object();
        sgn.set("nev", nev);
        sgn.put("sur", cseId + "/" + sub.ri());
        return wrap(sgn);
    }

    private void countAndExpire(Resource sub) {
        long exc = sub.longValue("exc", 0);
        if (exc <= 0) {
            return;
        }
        int count = sentCounts.merge(sub.ri(), 1, Integer::sum);
        if (count >= exc) {
            // after the queued notifications: the sud must not overtake the last notification
            executor.execute(() -> subscriptionExpirer.accept(sub.ri()));
        }
    }

    private void deliver(URI uri, JsonNode body, int attempt) {
        NotificationSender.DeliveryResult r = sender.send(uri, cseId, nextRequestId(), body);
        if (r.delivered()) {
            return;
        }
        if (attempt < retries && !executor.isShutdown()) {
            long delay = 100L << (2 * attempt);
            executor.schedule(() -> deliver(uri, body, attempt + 1), delay, TimeUnit.MILLISECONDS);
        } else {
            LOG.log(Level.WARNING, "notification to {0} failed after {1} attempts: {2}", uri, attempt + 1,
                    r.detail());
        }
    }

    /** A URL, or the first HTTP {@code poa} of the AE the address names (TS-0004 §7.3.8.2.1: nu forms). */
    Optional<URI> resolveTarget(String nu) {
        if (nu.startsWith("http://") || nu.startsWith("https://")) {
            try {
                return Optional.of(URI.create(nu));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        Optional<Resource> target = addressLookup.apply(nu);
        if (target.isEmpty() || target.get().type() != ResourceType.AE) {
            return Optional.empty();
        }
        for (String poa : target.get().textList("poa")) {
            if (poa.startsWith("http://") || poa.startsWith("https://")) {
                return Optional.of(URI.create(poa));
            }
        }
        return Optional.empty();
    }

    private static JsonNode wrap(ObjectNode sgn) {
        return Json.object().set("m2m:sgn", sgn);
    }

    private String nextRequestId() {
        return "ntf" + requestIds.incrementAndGet();
    }

    /**
     * Sends what waits in batches and rate limits, then waits until queued notifications are sent (for tests and
     * orderly shutdown).
     */
    public void drain(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        if (!executor.isShutdown()) {
            executor.execute(() -> pacing.releaseAll(false));
        }
        while ((executor.getQueue().size() > 0 || executor.getActiveCount() > 0)
                && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Forwards a NOTIFY received for an AE to the AE's poa, synchronously (TS-0001 §10.2.10: re-targeting). The
     * request keeps its originator ({@code From} is the notifying entity, not this CSE, so the AE can tell who
     * notified it) and carries the AE's highest {@code srv} release as its {@code rvi} (ACME
     * {@code test_checkTargetRVI}); an AE without {@code srv} gets the sender's default.
     *
     * @param originator the NOTIFY's originator, as received
     */
    public NotificationSender.DeliveryResult forward(String target, String originator, JsonNode body) {
        Optional<Resource> ae = addressLookup.apply(target);
        Optional<URI> uri = resolveTarget(target);
        if (uri.isEmpty()) {
            return NotificationSender.DeliveryResult.failed("no reachable point of access for " + target);
        }
        String rvi = ae.map(r -> ReleaseVersions.highest(r.attrs().get("srv"))).orElse(null);
        return sender.send(uri.get(), originator, nextRequestId(), body, rvi);
    }

    @Override
    public void close() {
        if (!executor.isShutdown()) {
            // what is waiting in batches is sent before the executor stops taking work
            executor.execute(() -> pacing.releaseAll(true));
        }
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}

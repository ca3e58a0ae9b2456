package org.edgeslice.onem2m.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.edgeslice.onem2m.common.Json;

/**
 * When a subscription's event notifications leave, per subscription and target (TS-0004 §7.5.1 and the
 * m2m:batchNotify and m2m:rateLimit data types):
 * <ul>
 *   <li>{@code bn}: notifications wait until {@code num} of them are there or {@code dur} has passed since the
 *       first ({@link #DEFAULT_BATCH_DURATION} without {@code dur}), then go as one {@code m2m:agn} aggregated
 *       notification (a list of {@code m2m:sgn}, in event order);</li>
 *   <li>{@code rl}: at most {@code mnn} notifications (a batch counts as one) leave per time window {@code tww};
 *       the others wait, in order, for the next windows.</li>
 * </ul>
 * A subscription that is changed or deleted, and the CSE when it drains or closes, send what waits at once (so a
 * deletion notice never overtakes the events before it). What waits is bounded: a batch leaves when it holds
 * {@link #MAX_WAITING} notifications, and a rate limit keeps at most that many, dropping the oldest with a
 * warning (durations are at most a day, SubscriptionRules). Everything here runs on the notification thread,
 * which also runs the timers, so no state is shared across threads.
 */
final class NotificationPacing {
    /** How long a batch waits when the subscription's batchNotify gives no {@code dur} (a CSE choice). */
    static final Duration DEFAULT_BATCH_DURATION = Duration.ofSeconds(10);
    /** Notifications one batch or one rate limit holds at most, per subscription and target. */
    static final int MAX_WAITING = 1000;
    private static final System.Logger LOG = System.getLogger(NotificationPacing.class.getName());

    private final ScheduledExecutorService thread;
    private final BiConsumer<URI, JsonNode> delivery;
    private final Map<String, Batch> batches = new HashMap<>();
    private final Map<String, Window> windows = new HashMap<>();
    /** Set by {@link #releaseAll} on close: no more timers, everything leaves at once. */
    private boolean closing;

    /**
     * @param thread   the notification thread, for the timers
     * @param delivery sends one notification body to a target (with its retries)
     */
    NotificationPacing(ScheduledExecutorService thread, BiConsumer<URI, JsonNode> delivery) {
        this.thread = thread;
        this.delivery = delivery;
    }

    /** Notifications waiting to be sent as one m2m:agn. */
    private static final class Batch {
        final URI target;
        final JsonNode rl;
        final ArrayNode sgns = Json.mapper().createArrayNode();
        ScheduledFuture<?> timer;

        Batch(URI target, JsonNode rl) {
            this.target = target;
            this.rl = rl;
        }
    }

    /** A rate limit's current window and the notifications waiting for a later one. */
    private static final class Window {
        final URI target;
        final ArrayDeque<JsonNode> waiting = new ArrayDeque<>();
        boolean started;
        long start;
        int sent;
        ScheduledFuture<?> timer;

        Window(URI target) {
            this.target = target;
        }
    }

    /**
     * One event notification of subscription {@code subRi} for {@code target}.
     *
     * @param body the {@code {"m2m:sgn": ...}} notification
     * @param bn   the subscription's batchNotify, or null
     * @param rl   the subscription's rateLimit, or null
     */
    void event(String subRi, URI target, JsonNode body, JsonNode bn, JsonNode rl) {
        if (absent(bn) || closing) {
            if (!batches.isEmpty()) {
                sendBatch(key(subRi, target)); // a batch made before bn was removed goes first
            }
            limited(subRi, target, body, rl);
            return;
        }
        String key = key(subRi, target);
        Batch b = batches.computeIfAbsent(key, k -> new Batch(target, rl));
        b.sgns.add(body.get("m2m:sgn"));
        if (b.sgns.size() >= Math.min(bn.path("num").asLong(Long.MAX_VALUE), MAX_WAITING)) {
            sendBatch(key);
        } else if (b.timer == null) {
            Duration dur = bn.hasNonNull("dur") ? Duration.parse(bn.get("dur").asText()) : DEFAULT_BATCH_DURATION;
            b.timer = thread.schedule(() -> sendBatch(key), dur.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The subscription changed or was deleted: what waits for it leaves now, batches first. */
    void release(String subRi) {
        String prefix = subRi + " ";
        for (String key : List.copyOf(batches.keySet())) {
            if (key.startsWith(prefix)) {
                sendBatch(key);
            }
        }
        for (String key : List.copyOf(windows.keySet())) {
            if (key.startsWith(prefix)) {
                Window w = windows.remove(key);
                cancel(w.timer);
                w.waiting.forEach(n -> delivery.accept(w.target, n));
            }
        }
    }

    /**
     * Everything that waits leaves now: when the CSE drains its notifications, and when it closes.
     *
     * @param close whether the CSE closes: from then on nothing waits (the thread takes no more timers)
     */
    void releaseAll(boolean close) {
        closing |= close;
        boolean wasClosing = closing;
        closing = true; // batches released here go out at once, past the rate limit's timers
        for (String key : List.copyOf(batches.keySet())) {
            sendBatch(key);
        }
        closing = wasClosing;
        for (Window w : windows.values()) {
            cancel(w.timer);
            w.timer = null;
            w.waiting.forEach(n -> delivery.accept(w.target, n));
            w.waiting.clear();
        }
        if (closing) {
            windows.clear();
        }
    }

    private void sendBatch(String key) {
        Batch b = batches.remove(key);
        if (b == null) {
            return;
        }
        cancel(b.timer);
        ObjectNode agn = Json.object();
        agn.putObject("m2m:agn").set("m2m:sgn", b.sgns);
        limited(key.substring(0, key.indexOf(' ')), b.target, agn, b.rl);
    }

    private void limited(String subRi, URI target, JsonNode body, JsonNode rl) {
        if ((absent(rl) || closing) && windows.isEmpty()) {
            delivery.accept(target, body); // the usual case, with no key to build
            return;
        }
        String key = key(subRi, target);
        if (absent(rl) || closing) {
            Window earlier = windows.get(key);
            if (earlier != null && !earlier.waiting.isEmpty() && !closing) {
                earlier.waiting.add(body); // rl was removed: behind what waits, not before it
            } else {
                delivery.accept(target, body);
            }
            return;
        }
        Window w = windows.computeIfAbsent(key, k -> new Window(target));
        long window = Duration.parse(rl.get("tww").asText()).toNanos();
        long now = System.nanoTime();
        if ((!w.started || now - w.start >= window) && w.waiting.isEmpty()) {
            w.started = true;
            w.start = now;
            w.sent = 0;
        }
        if (w.sent < rl.get("mnn").asLong() && w.waiting.isEmpty()) {
            w.sent++;
            delivery.accept(target, body);
            return;
        }
        if (w.waiting.size() >= MAX_WAITING) {
            w.waiting.poll();
            LOG.log(System.Logger.Level.WARNING, "rate limit of subscription {0}: more than {1} notifications "
                    + "waiting for {2}, the oldest dropped", subRi, MAX_WAITING, target);
        }
        w.waiting.add(body);
        if (w.timer == null) {
            long wait = Math.max(0, w.start + window - now);
            w.timer = thread.schedule(() -> nextWindow(key, rl), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void nextWindow(String key, JsonNode rl) {
        Window w = windows.get(key);
        if (w == null) {
            return;
        }
        w.timer = null;
        w.start = System.nanoTime();
        w.sent = 0;
        long mnn = rl.get("mnn").asLong();
        while (w.sent < mnn && !w.waiting.isEmpty()) {
            w.sent++;
            delivery.accept(w.target, w.waiting.poll());
        }
        if (!w.waiting.isEmpty()) {
            w.timer = thread.schedule(() -> nextWindow(key, rl), Duration.parse(rl.get("tww").asText()).toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    private static String key(String subRi, URI target) {
        return subRi + " " + target;
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isNull();
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}

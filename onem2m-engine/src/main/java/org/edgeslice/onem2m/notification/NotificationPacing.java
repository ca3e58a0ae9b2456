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
 * A subscription that is changed or deleted, and the CSE when it closes, send what waits at once (so a
 * deletion notice never overtakes the events before it). Everything here runs on the notification thread,
 * which also runs the timers, so no state is shared across threads.
 */
final class NotificationPacing {
    /** How long a batch waits when the subscription's batchNotify gives no {@code dur} (a CSE choice). */
    static final Duration DEFAULT_BATCH_DURATION = Duration.ofSeconds(10);

    private final ScheduledExecutorService thread;
    private final BiConsumer<URI, JsonNode> delivery;
    private final Map<String, Batch> batches = new HashMap<>();
    private final Map<String, Window> windows = new HashMap<>();

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
        if (absent(bn)) {
            limited(subRi, target, body, rl);
            return;
        }
        String key = key(subRi, target);
        Batch b = batches.computeIfAbsent(key, k -> new Batch(target, rl));
        b.sgns.add(body.get("m2m:sgn"));
        if (b.sgns.size() >= bn.path("num").asLong(Long.MAX_VALUE)) {
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

    /** The CSE closes: everything that waits leaves now. */
    void releaseAll() {
        for (String key : List.copyOf(batches.keySet())) {
            sendBatch(key);
        }
        for (Window w : windows.values()) {
            cancel(w.timer);
            w.waiting.forEach(n -> delivery.accept(w.target, n));
        }
        windows.clear();
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
        if (absent(rl)) {
            delivery.accept(target, body);
            return;
        }
        String key = key(subRi, target);
        Window w = windows.computeIfAbsent(key, k -> new Window(target));
        long window = Duration.parse(rl.get("tww").asText()).toNanos();
        long now = System.nanoTime();
        if (now - w.start >= window && w.waiting.isEmpty()) {
            w.start = now;
            w.sent = 0;
        }
        if (w.sent < rl.get("mnn").asLong() && w.waiting.isEmpty()) {
            w.sent++;
            delivery.accept(target, body);
            return;
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

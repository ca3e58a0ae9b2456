package org.edgeslice.meo.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the outbox: POSTs each notification to its callback (2xx = delivered), in creation order per
 * callback; a failure is retried after 1, 2, 4, ... s (at most {@code meo.notifications.max-backoff}) until
 * {@code meo.notifications.max-attempts}, then the row is kept as UNDELIVERABLE. Rows live in the database,
 * so pending deliveries continue after a restart.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    OutboxRows rows;

    @Inject
    @ConfigProperty(name = "meo.notifications.max-attempts", defaultValue = "15")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "meo.notifications.max-backoff", defaultValue = "300")
    int maxBackoffSeconds;

    @Resource
    ManagedThreadFactory threads;

    private volatile ExecutorService kicks;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /** A delivery round now, on a thread of its own (called once a transaction that queued one has committed). */
    public void kick() {
        again.set(true);
        ExecutorService k = kicks;
        if (k == null) {
            synchronized (this) {
                if (kicks == null) {
                    kicks = Executors.newSingleThreadExecutor(threads);
                }
                k = kicks;
            }
        }
        try {
            k.submit(this::deliverDue);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "delivery kick refused; the periodic round delivers", e);
        }
    }

    @PreDestroy
    void stop() {
        if (kicks != null) {
            kicks.shutdownNow();
        }
    }

    /**
     * Delivery rounds until nothing new was queued meanwhile; returns how many were delivered. One at a time: the
     * periodic round and the kicks do not deliver the same row twice.
     */
    public int deliverDue() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return 0;
        }
        try {
            int delivered = 0;
            do {
                again.set(false);
                delivered += round();
            } while (again.get());
            return delivered;
        } finally {
            running.set(false);
        }
    }

    private int round() {
        List<OutboxRows.Due> due = rows.due(System.currentTimeMillis(), 100);
        Set<String> blocked = new HashSet<>();
        int delivered = 0;
        for (OutboxRows.Due d : due) {
            if (blocked.contains(d.callbackUri())) {
                continue;
            }
            String error = post(d);
            if (error == null) {
                rows.delivered(d.seq());
                delivered++;
            } else {
                blocked.add(d.callbackUri());
                int attempt = d.attempts() + 1;
                boolean giveUp = attempt >= maxAttempts;
                long backoff = Math.min(1000L << Math.min(attempt - 1, 20), maxBackoffSeconds * 1000L);
                rows.failed(d.seq(), error, System.currentTimeMillis() + backoff, giveUp);
                if (giveUp) {
                    LOG.warning(() -> "notification " + d.seq() + " to " + d.callbackUri() + " undeliverable after "
                            + attempt + " attempts: " + error);
                }
            }
        }
        return delivered;
    }

    private static String post(OutboxRows.Due d) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(d.callbackUri()))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(d.body())).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            LOG.log(Level.FINE, "delivery failed", e);
            return e.toString();
        }
    }
}

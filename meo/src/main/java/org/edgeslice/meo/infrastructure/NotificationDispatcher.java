package org.edgeslice.meo.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
import org.edgeslice.support.outbox.DeliveryRounds;

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

    private DeliveryRounds rounds;

    @PostConstruct
    void init() {
        rounds = new DeliveryRounds(this::round, threads);
    }

    /** A delivery round once the current transaction has committed. */
    public void kickAfterCommit(TransactionSynchronizationRegistry transactions) {
        rounds.kickAfterCommit(transactions);
    }

    @PreDestroy
    void stop() {
        rounds.stop();
    }

    /**
     * Delivery rounds until nothing new was queued meanwhile; returns how many were delivered. One at a time: the
     * periodic round and the kicks do not deliver the same row twice.
     */
    public int deliverDue() {
        return rounds.deliverDue();
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

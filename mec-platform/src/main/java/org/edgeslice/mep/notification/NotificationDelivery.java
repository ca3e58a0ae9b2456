package org.edgeslice.mep.notification;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeslice.support.outbox.DeliveryRounds;

/**
 * POSTs the due notifications of the {@link Outbox} to their callbacks (ETSI GS MEC 011: the callback answers
 * 2xx, 204 or 200) and reschedules failures with {@link Backoff} until delivered or the subscription is gone.
 */
@ApplicationScoped
public class NotificationDelivery {

    private static final Logger LOG = Logger.getLogger(NotificationDelivery.class.getName());
    private static final int BATCH = 32;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** One client for the platform's lifetime: a client per call costs a thread pool and a connection each. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    Outbox outbox;

    @Resource
    ManagedThreadFactory threads;

    private DeliveryRounds rounds;

    @PostConstruct
    void init() {
        rounds = new DeliveryRounds(this::round, threads);
    }

    /**
     * A delivery round once the current transaction has committed: a service availability notification on the
     * slicing path waited up to 200 ms for the platform's next periodic round.
     */
    public void kickAfterCommit(TransactionSynchronizationRegistry transactions) {
        rounds.kickAfterCommit(transactions);
    }

    @PreDestroy
    void stop() {
        rounds.stop();
    }

    /**
     * Delivers the due notifications, one batch after the other while new ones are queued meanwhile; returns how
     * many were attempted (0 if a round is running already: it goes on with what is queued now).
     */
    public int deliverDue() {
        return rounds.deliverDue();
    }

    /** Delivers one batch of due notifications concurrently; returns how many were attempted. */
    private int round() {
        List<Outbox.Pending> due = outbox.due(System.currentTimeMillis(), BATCH);
        List<CompletableFuture<String>> sends = due.stream().map(NotificationDelivery::send).toList();
        // outcomes are recorded here, on the container's thread: the HTTP client's threads have no JTA context
        for (int i = 0; i < due.size(); i++) {
            Outbox.Pending p = due.get(i);
            String failure = sends.get(i).join();
            try {
                if (failure == null) {
                    outbox.delivered(p.id());
                } else {
                    LOG.fine(() -> "Notification " + p.id() + " to " + p.callbackUri() + " failed (attempt "
                            + (p.attempts() + 1) + "): " + failure);
                    outbox.failed(p.id(), failure, System.currentTimeMillis());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not record the delivery outcome of " + p.id(), e);
            }
        }
        return due.size();
    }

    /** Sends one notification; completes with null when delivered, else with the reason. */
    private static CompletableFuture<String> send(Outbox.Pending p) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(p.callbackUri())).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(p.payload())).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture("invalid callback URI: " + e.getMessage());
        }
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, error) -> {
            if (error == null) {
                return r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode();
            }
            return String.valueOf(error.getCause() != null ? error.getCause() : error);
        });
    }
}

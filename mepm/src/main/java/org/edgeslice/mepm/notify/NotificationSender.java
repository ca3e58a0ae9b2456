package org.edgeslice.mepm.notify;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeslice.mepm.config.MepmSettings;
import org.edgeslice.mepm.http.JsonHttp;
import org.edgeslice.mepm.infrastructure.Workers;

/**
 * Delivers the outbox: POSTs each notification to its callbackUri, in order per subscription; a failure is
 * retried with exponential backoff (0.5 s doubling, at most 60 s) up to {@code mepm.notify.maxAttempts}, and
 * survives a restart because the outbox is in the database.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class.getName());

    @Inject
    NotificationRepository outbox;

    @Inject
    MepmSettings settings;

    @Inject
    Workers workers;

    private final AtomicBoolean running = new AtomicBoolean();
    /** Set by a kick during a round: the round runs again instead of leaving the new notification for a second. */
    private final AtomicBoolean again = new AtomicBoolean();
    private ScheduledFuture<?> periodic;

    @PostConstruct
    void init() {
        periodic = workers.timer().scheduleWithFixedDelay(this::deliverDue, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (periodic != null) {
            periodic.cancel(false);
        }
    }

    /** Delivers at once what is due (called after each enqueue). */
    public void kick() {
        again.set(true);
        workers.operations().submit(this::deliverDue);
    }

    void deliverDue() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            do {
                again.set(false);
                round();
            } while (again.get());
        } finally {
            running.set(false);
        }
    }

    private void round() {
        try {
            Set<String> blocked = new HashSet<>();
            for (NotificationEntity n : outbox.due(System.currentTimeMillis(), 100)) {
                if (blocked.contains(n.subscriptionId)) {
                    continue;
                }
                String error;
                try {
                    JsonHttp.Reply r = JsonHttp.send("POST", n.callbackUri, n.bodyJson, null, Duration.ofSeconds(10));
                    error = r.ok() ? null : "HTTP " + r.status();
                } catch (RuntimeException e) {
                    error = e.getMessage();
                }
                if (error == null) {
                    outbox.delivered(n.id);
                } else if (n.attempts + 1 >= settings.notifyMaxAttempts()) {
                    LOG.warning("giving up notification " + n.id + " to " + n.callbackUri + " after " + (n.attempts + 1)
                            + " attempts: " + error);
                    outbox.delivered(n.id);
                } else {
                    blocked.add(n.subscriptionId);
                    long backoff = Math.min(60_000, 500L << Math.min(7, n.attempts));
                    outbox.failed(n.id, error, System.currentTimeMillis() + backoff);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notification delivery round failed", e);
        }
    }
}

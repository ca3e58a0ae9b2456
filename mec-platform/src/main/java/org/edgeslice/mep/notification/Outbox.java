package org.edgeslice.mep.notification;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.edgeslice.mep.infrastructure.JsonText;

/**
 * The transactional outbox of notifications: a state change and the notifications it causes are committed
 * together, so a notification is neither lost (restart after the commit) nor sent for a change that was rolled
 * back. {@link NotificationDelivery} empties it.
 */
@ApplicationScoped
public class Outbox {

    private static final AtomicLong SEQ = new AtomicLong();

    @PersistenceContext(unitName = "mep")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    NotificationDelivery delivery;

    /** A notification due for delivery. */
    public record Pending(String id, String callbackUri, String payload, int attempts) {
    }

    /** Queues one notification in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String subscriptionId, String callbackUri, Object notification) {
        OutboxEntity o = new OutboxEntity();
        o.id = UUID.randomUUID().toString();
        o.subscriptionId = subscriptionId;
        o.callbackUri = callbackUri;
        o.payload = JsonText.write(notification);
        o.attempts = 0;
        o.createdAt = System.currentTimeMillis();
        o.nextAttemptAt = o.createdAt;
        o.seq = nextSeq(o.createdAt);
        em.persist(o);
        delivery.kickAfterCommit(transactions);
    }

    /**
     * Strictly increasing within this process and, being derived from the clock (microsecond slots), larger than
     * what an earlier run of the platform assigned.
     */
    private static long nextSeq(long nowMillis) {
        return SEQ.updateAndGet(last -> Math.max(last + 1, nowMillis * 1000));
    }

    /** Drops what is still queued for a subscription that is being deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void discardFor(String subscriptionId) {
        em.createQuery("delete from OutboxEntity o where o.subscriptionId = :s").setParameter("s", subscriptionId)
                .executeUpdate();
    }

    /**
     * The due notifications that head their subscription's queue: at most one per subscription, so that a
     * subscriber receives its notifications in order even when some had to be retried.
     */
    @Transactional
    public List<Pending> due(long now, int max) {
        return em.createQuery("select o from OutboxEntity o where o.nextAttemptAt <= :now and not exists"
                                + " (select e from OutboxEntity e where e.subscriptionId = o.subscriptionId and e.seq < o.seq)"
                                + " order by o.seq", OutboxEntity.class)
                .setParameter("now", now).setMaxResults(max).getResultList().stream()
                .map(o -> new Pending(o.id, o.callbackUri, o.payload, o.attempts)).toList();
    }

    @Transactional
    public void delivered(String id) {
        OutboxEntity o = em.find(OutboxEntity.class, id);
        if (o != null) {
            em.remove(o);
        }
    }

    @Transactional
    public void failed(String id, String error, long now) {
        OutboxEntity o = em.find(OutboxEntity.class, id);
        if (o != null) {
            o.attempts++;
            o.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
            o.nextAttemptAt = now + Backoff.after(o.attempts).toMillis();
        }
    }

    /** How many notifications wait for delivery (for tests and diagnostics). */
    @Transactional
    public long pendingCount() {
        return em.createQuery("select count(o) from OutboxEntity o", Long.class).getSingleResult();
    }
}

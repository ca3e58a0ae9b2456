package org.edgeslice.meo.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads due notifications and records delivery outcomes, each in a short transaction of its own. */
@ApplicationScoped
@Transactional
public class OutboxRows {

    /** A notification to attempt. */
    public record Due(long seq, String callbackUri, String body, int attempts) {
    }

    @PersistenceContext(unitName = "meo")
    EntityManager em;

    public List<Due> due(long nowMs, int max) {
        return em.createQuery("select o from OutboxEntity o where o.state = :s and o.nextAttemptMs <= :now order by o.seq",
                        OutboxEntity.class).setParameter("s", OutboxEntity.PENDING).setParameter("now", nowMs)
                .setMaxResults(max).getResultList().stream()
                .map(o -> new Due(o.seq, o.callbackUri, o.body, o.attempts)).toList();
    }

    public void delivered(long seq) {
        OutboxEntity o = em.find(OutboxEntity.class, seq);
        if (o != null) {
            // delivered notifications are not needed any more
            em.remove(o);
        }
    }

    public void failed(long seq, String error, long nextAttemptMs, boolean giveUp) {
        OutboxEntity o = em.find(OutboxEntity.class, seq);
        if (o != null) {
            o.attempts++;
            o.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
            o.nextAttemptMs = nextAttemptMs;
            if (giveUp) {
                o.state = OutboxEntity.UNDELIVERABLE;
            }
        }
    }

    public long pending() {
        return em.createQuery("select count(o) from OutboxEntity o where o.state = :s", Long.class)
                .setParameter("s", OutboxEntity.PENDING).getSingleResult();
    }
}

package org.edgeslice.mepm.notify;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The notification outbox. */
@Stateless
public class NotificationRepository {

    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() * 1000);

    @PersistenceContext(unitName = "mepm")
    EntityManager em;

    public void insert(NotificationEntity e) {
        e.seq = SEQ.incrementAndGet();
        em.persist(e);
    }

    /** Due notifications, oldest first. */
    public List<NotificationEntity> due(long now, int max) {
        return em.createQuery("select n from NotificationEntity n where n.nextAttemptAt <= :now order by n.seq",
                NotificationEntity.class).setParameter("now", now).setMaxResults(max).getResultList();
    }

    public void delivered(String id) {
        NotificationEntity e = em.find(NotificationEntity.class, id);
        if (e != null) {
            em.remove(e);
        }
    }

    public void failed(String id, String error, long nextAttemptAt) {
        NotificationEntity e = em.find(NotificationEntity.class, id);
        if (e != null) {
            e.attempts++;
            e.lastError = error.length() > 1900 ? error.substring(0, 1900) : error;
            e.nextAttemptAt = nextAttemptAt;
        }
    }

    public long pending() {
        return em.createQuery("select count(n) from NotificationEntity n", Long.class).getSingleResult();
    }
}

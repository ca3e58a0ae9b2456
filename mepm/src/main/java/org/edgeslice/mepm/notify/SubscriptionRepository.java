package org.edgeslice.mepm.notify;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** app_lcm subscriptions. */
@Stateless
public class SubscriptionRepository {

    @PersistenceContext(unitName = "mepm")
    EntityManager em;

    public void insert(SubscriptionEntity e) {
        em.persist(e);
    }

    public Optional<SubscriptionEntity> find(String id) {
        return Optional.ofNullable(em.find(SubscriptionEntity.class, id));
    }

    public List<SubscriptionEntity> findAll() {
        return em.createQuery("select s from SubscriptionEntity s order by s.createdAt, s.id", SubscriptionEntity.class)
                .getResultList();
    }

    public boolean delete(String id) {
        SubscriptionEntity e = em.find(SubscriptionEntity.class, id);
        if (e == null) {
            return false;
        }
        em.remove(e);
        em.createQuery("delete from NotificationEntity n where n.subscriptionId = :s").setParameter("s", id).executeUpdate();
        return true;
    }
}

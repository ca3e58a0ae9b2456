package org.edgeslice.mep.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.edgeslice.mep.infrastructure.JsonText;
import org.edgeslice.mep.notification.Outbox;
import org.edgeslice.support.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The subscriptions of both Mp1 APIs, persisted; deleting one also drops its undelivered notifications. */
@ApplicationScoped
public class Subscriptions {

    @PersistenceContext(unitName = "mep")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "mep.notifications.loopback-only", defaultValue = "true")
    boolean loopbackOnly;

    /**
     * Stores a new subscription. {@code body} builds the representation from the new subscription's id (its
     * {@code _links.self} needs it).
     */
    @Transactional
    public StoredSubscription create(SubscriptionKind kind, String appInstanceId, String callbackReference,
                                     Function<String, Object> body) {
        CallbackReferences.validate(callbackReference, loopbackOnly);
        SubscriptionEntity e = new SubscriptionEntity();
        e.id = UUID.randomUUID().toString();
        e.kind = kind.name();
        e.appInstanceId = appInstanceId;
        e.callbackReference = callbackReference;
        e.bodyJson = JsonText.write(body.apply(e.id));
        e.createdAt = System.currentTimeMillis();
        em.persist(e);
        return StoredSubscription.of(e);
    }

    @Transactional
    public List<StoredSubscription> ofApp(String appInstanceId, SubscriptionKind kind) {
        return em.createQuery("select s from SubscriptionEntity s where s.appInstanceId = :a and s.kind = :k"
                        + " order by s.createdAt", SubscriptionEntity.class)
                .setParameter("a", appInstanceId).setParameter("k", kind.name())
                .getResultList().stream().map(StoredSubscription::of).toList();
    }

    @Transactional
    public List<StoredSubscription> all(SubscriptionKind kind) {
        return em.createQuery("select s from SubscriptionEntity s where s.kind = :k order by s.createdAt",
                        SubscriptionEntity.class)
                .setParameter("k", kind.name()).getResultList().stream().map(StoredSubscription::of).toList();
    }

    @Transactional
    public StoredSubscription get(String appInstanceId, SubscriptionKind kind, String subscriptionId) {
        return StoredSubscription.of(find(appInstanceId, kind, subscriptionId));
    }

    @Transactional
    public void delete(String appInstanceId, SubscriptionKind kind, String subscriptionId) {
        SubscriptionEntity e = find(appInstanceId, kind, subscriptionId);
        outbox.discardFor(e.id);
        em.remove(e);
    }

    /** Removes every subscription of an app (deregistration, Mm5 removal), with its pending notifications. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAllOf(String appInstanceId) {
        for (SubscriptionEntity e : em.createQuery("select s from SubscriptionEntity s where s.appInstanceId = :a",
                SubscriptionEntity.class).setParameter("a", appInstanceId).getResultList()) {
            outbox.discardFor(e.id);
            em.remove(e);
        }
    }

    private SubscriptionEntity find(String appInstanceId, SubscriptionKind kind, String subscriptionId) {
        SubscriptionEntity e = em.find(SubscriptionEntity.class, subscriptionId);
        if (e == null || !e.appInstanceId.equals(appInstanceId) || !e.kind.equals(kind.name())) {
            throw ProblemException.notFound("No subscription " + subscriptionId + " of app instance " + appInstanceId);
        }
        return e;
    }
}

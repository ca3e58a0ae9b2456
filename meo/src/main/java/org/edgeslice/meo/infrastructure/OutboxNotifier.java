package org.edgeslice.meo.infrastructure;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.edgeslice.meo.common.Notifier;
import org.edgeslice.support.json.Json;

/**
 * Writes notifications to the outbox table, in the caller's transaction, and asks for their delivery as soon as
 * that transaction has committed (the periodic round stays for retries and for what a restart left).
 */
@ApplicationScoped
public class OutboxNotifier implements Notifier {

    @PersistenceContext(unitName = "meo")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    NotificationDispatcher dispatcher;

    @Override
    @Transactional
    public void enqueue(String callbackUri, Object notification) {
        OutboxEntity e = new OutboxEntity();
        e.seq = DocumentStore.monotonicMillis();
        e.callbackUri = callbackUri;
        try {
            e.body = Json.mapper().writeValueAsString(notification);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        e.attempts = 0;
        e.nextAttemptMs = 0;
        e.state = OutboxEntity.PENDING;
        em.persist(e);
        // an LCM notification on the slicing path waited up to 100 ms for the next periodic round
        dispatcher.kickAfterCommit(transactions);
    }
}

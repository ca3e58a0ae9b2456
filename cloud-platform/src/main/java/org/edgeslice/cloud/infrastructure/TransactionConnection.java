package org.edgeslice.cloud.infrastructure;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Plain JDBC on the connection of the current transaction, for the few statements on the path a device waits for
 * (path 03-2), where Hibernate's entity and query machinery cost more CPU than the SQL itself. The persistence
 * context's pending changes are flushed first, so the statement sees everything this transaction wrote.
 */
public final class TransactionConnection {

    private TransactionConnection() {
    }

    public static <T> T run(EntityManager em, ReturningWork<T> work) {
        Session session = em.unwrap(Session.class);
        if (session.isDirty()) {
            session.flush();
        }
        return session.doReturningWork(work);
    }
}

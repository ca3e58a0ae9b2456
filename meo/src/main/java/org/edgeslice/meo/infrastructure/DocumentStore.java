package org.edgeslice.meo.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.edgeslice.support.json.Json;

/** Stores domain records as JSON documents by kind and id, in creation order. */
@ApplicationScoped
@Transactional
public class DocumentStore {

    private static final AtomicLong LAST = new AtomicLong();

    @PersistenceContext(unitName = "meo")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    CommittedDocuments committed;

    public <T> Optional<T> find(String kind, String id, Class<T> type) {
        DocumentEntity e = em.find(DocumentEntity.class, kind + "/" + id);
        return Optional.ofNullable(e).map(d -> read(d.body, type));
    }

    public <T> List<T> all(String kind, Class<T> type) {
        return em.createQuery("select d from DocumentEntity d where d.kind = :k order by d.createdMs, d.key",
                        DocumentEntity.class).setParameter("k", kind).getResultList().stream()
                .map(d -> read(d.body, type)).toList();
    }

    /**
     * Every committed document of a kind in creation order, from the read model (see {@link CommittedDocuments}):
     * for the GET collections only, as it does not see this transaction's own uncommitted writes.
     */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS) // no transaction of its own: it reads committed rows only
    public <T> List<T> committed(String kind, Class<T> type) {
        CommittedDocuments.View v = committed.view(kind);
        synchronized (v) {
            if (!v.loaded) {
                v.drainDirty();
                for (Object[] row : em.createQuery("select d.key, d.createdMs, d.body from DocumentEntity d where d.kind = :k",
                        Object[].class).setParameter("k", kind).getResultList()) {
                    v.put(doc(row, type));
                }
                v.loaded = true;
            } else {
                List<String> dirty = v.drainDirty();
                if (!dirty.isEmpty()) {
                    dirty.forEach(v::remove);
                    for (Object[] row : em.createQuery("select d.key, d.createdMs, d.body from DocumentEntity d where d.key in :keys",
                            Object[].class).setParameter("keys", dirty).getResultList()) {
                        v.put(doc(row, type));
                    }
                }
            }
            return (List<T>) v.values();
        }
    }

    private static CommittedDocuments.Doc doc(Object[] row, Class<?> type) {
        String body = (String) row[2];
        return new CommittedDocuments.Doc((String) row[0], (Long) row[1], body, read(body, type));
    }

    public <T> List<T> children(String kind, String parentId, Class<T> type) {
        return em.createQuery("select d from DocumentEntity d where d.kind = :k and d.parentId = :p order by d.createdMs, d.key",
                        DocumentEntity.class).setParameter("k", kind).setParameter("p", parentId).getResultList().stream()
                .map(d -> read(d.body, type)).toList();
    }

    public void put(String kind, String id, Object value) {
        put(kind, id, null, value);
    }

    public void put(String kind, String id, String parentId, Object value) {
        String key = kind + "/" + id;
        DocumentEntity e = em.find(DocumentEntity.class, key);
        if (e == null) {
            e = new DocumentEntity();
            e.key = key;
            e.kind = kind;
            e.id = id;
            e.parentId = parentId;
            e.createdMs = monotonicMillis();
            e.body = write(value);
            em.persist(e);
        } else {
            e.body = write(value);
            if (parentId != null) {
                e.parentId = parentId;
            }
        }
        afterCompletion(kind, key);
    }

    /** The read model refetches the document once this transaction is over (committed or not). */
    private void afterCompletion(String kind, String key) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                committed.changed(kind, key);
            }
        });
    }

    public boolean remove(String kind, String id) {
        DocumentEntity e = em.find(DocumentEntity.class, kind + "/" + id);
        if (e == null) {
            return false;
        }
        em.remove(e);
        afterCompletion(kind, kind + "/" + id);
        return true;
    }

    /**
     * Creation order (microseconds since the epoch, made strictly increasing within the process) so that
     * resources created in the same millisecond keep their order.
     */
    static long monotonicMillis() {
        return LAST.updateAndGet(prev -> Math.max(prev + 1, System.currentTimeMillis() * 1000));
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.edgeslice.meo.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    public <T> Optional<T> find(String kind, String id, Class<T> type) {
        DocumentEntity e = em.find(DocumentEntity.class, kind + "/" + id);
        return Optional.ofNullable(e).map(d -> read(d.body, type));
    }

    public <T> List<T> all(String kind, Class<T> type) {
        return em.createQuery("select d from DocumentEntity d where d.kind = :k order by d.createdMs, d.key",
                        DocumentEntity.class).setParameter("k", kind).getResultList().stream()
                .map(d -> read(d.body, type)).toList();
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
    }

    public boolean remove(String kind, String id) {
        DocumentEntity e = em.find(DocumentEntity.class, kind + "/" + id);
        if (e == null) {
            return false;
        }
        em.remove(e);
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

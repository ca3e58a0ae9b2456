package org.edgeslice.cloud.iscl;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.edgeslice.cloud.infrastructure.TransactionConnection;
import org.edgeslice.contract.cloud.SliceInfo;
import org.edgeslice.contract.cloud.SlicingRequestInfo;
import org.edgeslice.support.json.Json;

/** The ISCL's entire view in the cloud database: slicing requests and slices. Each method is one transaction. */
@ApplicationScoped
@Transactional
public class IsclRepository {

    @PersistenceContext(unitName = "cloud")
    EntityManager em;

    /** A new request's first save. */
    public void insert(SlicingRequestInfo r) {
        SlicingRequestEntity e = new SlicingRequestEntity();
        e.id = r.id();
        e.createdAt = System.currentTimeMillis();
        e.requestType = r.requestType().name();
        e.state = r.state();
        e.sliceId = r.sliceId();
        e.infoJson = write(r);
        em.persist(e);
    }

    /**
     * A later save of a stored request: one UPDATE, without reading the row first (a running request is saved at
     * each step, some of them on the path the device waits for). Plain JDBC: Hibernate translates a JPQL UPDATE
     * anew at every execution, which cost more than the read it saves.
     */
    public void update(SlicingRequestInfo r) {
        String info = write(r);
        int updated = TransactionConnection.run(em, con -> {
            try (PreparedStatement ps = con.prepareStatement(
                    "UPDATE iscl_request SET state = ?, slice_id = ?, info_json = ? WHERE id = ?")) {
                ps.setString(1, r.state());
                ps.setString(2, r.sliceId());
                ps.setString(3, info);
                ps.setString(4, r.id());
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            insert(r);
        }
    }

    /**
     * Requests that were PROCESSING when the platform stopped cannot continue (the ISS's work is in memory): they are
     * FAILED with a reason, so that a handler polling them gets an answer.
     */
    public int failInterrupted() {
        List<SlicingRequestEntity> open = em.createQuery("select r from SlicingRequestEntity r where r.state = 'PROCESSING'",
                SlicingRequestEntity.class).getResultList();
        String now = java.time.Instant.now().toString();
        for (SlicingRequestEntity e : open) {
            SlicingRequestInfo r = read(e.infoJson, SlicingRequestInfo.class);
            SlicingRequestInfo failed = new SlicingRequestInfo(r.id(), r.requestType(), "FAILED", r.request(),
                    r.sliceId(), r.slice(), r.startedFunctions(), r.tasks(), r.trace(), r.log(), r.createdAt(), now,
                    new org.edgeslice.contract.common.ProblemDetails("about:blank", "Interrupted", 503,
                            "the cloud platform restarted while the request was processing; submit it again", null),
                    r.links());
            e.state = "FAILED";
            e.infoJson = write(failed);
        }
        return open.size();
    }

    public Optional<SlicingRequestInfo> request(String id) {
        return Optional.ofNullable(em.find(SlicingRequestEntity.class, id))
                .map(e -> read(e.infoJson, SlicingRequestInfo.class));
    }

    public List<SlicingRequestInfo> requests() {
        return em.createQuery("select r from SlicingRequestEntity r order by r.createdAt", SlicingRequestEntity.class)
                .getResultList().stream().map(e -> read(e.infoJson, SlicingRequestInfo.class)).toList();
    }

    public void save(SliceInfo s) {
        SliceEntity e = em.find(SliceEntity.class, s.sliceId());
        boolean fresh = e == null;
        if (fresh) {
            e = new SliceEntity();
            e.id = s.sliceId();
            e.createdAt = System.currentTimeMillis();
        }
        e.state = s.state();
        e.functions = String.join(",", s.functions());
        e.appInstanceId = s.appInstanceId();
        e.infoJson = write(s);
        if (fresh) {
            em.persist(e);
        }
    }

    /** A slice by id: its stored SliceInfo, read without loading the entity (every request of path 03-2 reads it). */
    public Optional<SliceInfo> slice(String id) {
        String info = TransactionConnection.run(em, con -> {
            try (PreparedStatement ps = con.prepareStatement("SELECT info_json FROM iscl_slice WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return Optional.ofNullable(info).map(json -> read(json, SliceInfo.class));
    }

    /** A slice by its id, or else by the app instance id the handler may know it by (from the MEP). */
    public Optional<SliceInfo> sliceByIdOrAppInstance(String id) {
        Optional<SliceInfo> s = slice(id);
        if (s.isPresent()) {
            return s;
        }
        return em.createQuery("select s from SliceEntity s where s.appInstanceId = :a", SliceEntity.class)
                .setParameter("a", id).getResultStream().findFirst().map(e -> read(e.infoJson, SliceInfo.class));
    }

    public List<SliceInfo> slices() {
        return em.createQuery("select s from SliceEntity s order by s.createdAt", SliceEntity.class).getResultList()
                .stream().map(e -> read(e.infoJson, SliceInfo.class)).toList();
    }

    static String write(Object o) {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

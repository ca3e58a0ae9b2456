package org.edgeslice.cloud.ciss.offload;

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
import org.edgeslice.contract.cloud.TaskInfo;
import org.edgeslice.support.json.Json;

/** Offloaded tasks and their sync subscriptions in the cloud database. Each method is one transaction. */
@ApplicationScoped
@Transactional
public class TaskRepository {

    @PersistenceContext(unitName = "cloud")
    EntityManager em;

    public void save(TaskInfo t) {
        TaskEntity e = em.find(TaskEntity.class, t.taskId());
        if (e == null) {
            em.persist(fill(new TaskEntity(), t));
        } else {
            fill(e, t);
        }
    }

    private static TaskEntity fill(TaskEntity e, TaskInfo t) {
        if (e.id == null) {
            e.id = t.taskId();
            e.createdAt = System.currentTimeMillis();
        }
        e.sliceId = t.sliceId();
        e.path = t.path();
        e.syncMode = t.syncMode().name();
        e.state = t.state();
        e.infoJson = write(t);
        return e;
    }

    public Optional<TaskInfo> find(String id) {
        return Optional.ofNullable(em.find(TaskEntity.class, id)).map(e -> read(e.infoJson));
    }

    public List<TaskInfo> all() {
        return em.createQuery("select t from TaskEntity t order by t.createdAt", TaskEntity.class).getResultList()
                .stream().map(e -> read(e.infoJson)).toList();
    }

    public List<TaskInfo> ofSlice(String sliceId) {
        return em.createQuery("select t from TaskEntity t where t.sliceId = :s order by t.createdAt", TaskEntity.class)
                .setParameter("s", sliceId).getResultList().stream().map(e -> read(e.infoJson)).toList();
    }

    /** The active (OFFLOADING or OFFLOADED) task of a cloud path, if any. */
    public Optional<TaskInfo> activeAt(String path) {
        // plain JDBC: every request checks each of its tasks here, on the path the device waits for
        String info = TransactionConnection.run(em, con -> {
            try (PreparedStatement ps = con.prepareStatement("SELECT info_json FROM ciss_task WHERE path = ?"
                    + " AND state IN ('OFFLOADING', 'OFFLOADED')")) {
                ps.setString(1, path);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return Optional.ofNullable(info).map(TaskRepository::read);
    }

    public void addSubscription(String taskId, String subRi, String cloudPath, String slicePath) {
        if (em.find(SyncSubscriptionEntity.class, new SyncSubscriptionEntity.Key(taskId, subRi)) == null) {
            em.persist(subscriptionRow(taskId, subRi, cloudPath, slicePath));
        }
    }

    private static SyncSubscriptionEntity subscriptionRow(String taskId, String subRi, String cloudPath,
                                                          String slicePath) {
        SyncSubscriptionEntity s = new SyncSubscriptionEntity();
        s.taskId = taskId;
        s.sliceSubRi = subRi;
        s.cloudPath = cloudPath;
        s.slicePath = slicePath;
        return s;
    }

    /**
     * A new task, OFFLOADED, with its sync subscriptions, in one transaction. Inserted without looking first: its id
     * was made for this offload, so neither it nor its subscriptions can be stored yet (on path 03-2 the lookups
     * took about a tenth of the cloud platform's CPU).
     *
     * @param subscriptions each {sliceSubRi, cloudPath, slicePath}
     */
    public void insertOffloaded(TaskInfo t, List<String[]> subscriptions) {
        em.persist(fill(new TaskEntity(), t));
        for (String[] s : subscriptions) {
            em.persist(subscriptionRow(t.taskId(), s[0], s[1], s[2]));
        }
    }

    /** The task a sync subscription at a slice belongs to. */
    public Optional<String> taskOfSubscription(String sliceId, String subRi) {
        return em.createQuery("select s.taskId from SyncSubscriptionEntity s, TaskEntity t where t.id = s.taskId"
                        + " and t.sliceId = :slice and s.sliceSubRi = :ri", String.class)
                .setParameter("slice", sliceId).setParameter("ri", subRi).getResultStream().findFirst();
    }

    /** @return {cloudPath, slicePath} of a sync subscription */
    public Optional<String[]> subscription(String taskId, String subRi) {
        SyncSubscriptionEntity s = em.find(SyncSubscriptionEntity.class, new SyncSubscriptionEntity.Key(taskId, subRi));
        return s == null ? Optional.empty() : Optional.of(new String[] {s.cloudPath, s.slicePath});
    }

    /** Counts an applied change. */
    public void recordSync(String taskId, String at) {
        TaskEntity e = em.find(TaskEntity.class, taskId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            return;
        }
        TaskInfo t = read(e.infoJson);
        TaskInfo n = new TaskInfo(t.taskId(), t.path(), t.sliceId(), t.syncMode(), t.state(), t.slicePath(),
                t.sliceEndpoint(), t.copiedResources(), (t.syncedChanges() == null ? 0 : t.syncedChanges()) + 1,
                t.offloadedAt(), at, t.detail());
        e.infoJson = write(n);
    }

    static String write(TaskInfo t) {
        try {
            return Json.mapper().writeValueAsString(t);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static TaskInfo read(String json) {
        try {
            return Json.mapper().readValue(json, TaskInfo.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.edgeslice.mepm.lcm;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.edgeslice.contract.mec010.lcm.InstantiationState;

/** The app instances of this host; every change is one short transaction, committed before it is acknowledged. */
@Stateless
public class InstanceRepository {

    @PersistenceContext(unitName = "mepm")
    EntityManager em;

    public Optional<AppInstanceEntity> find(String id) {
        return Optional.ofNullable(em.find(AppInstanceEntity.class, id));
    }

    public List<AppInstanceEntity> findAll() {
        return em.createQuery("select i from AppInstanceEntity i order by i.createdAt, i.id", AppInstanceEntity.class)
                .getResultList();
    }

    public List<AppInstanceEntity> findInstantiated() {
        return em.createQuery("select i from AppInstanceEntity i where i.instantiationState = :s", AppInstanceEntity.class)
                .setParameter("s", InstantiationState.INSTANTIATED).getResultList();
    }

    /** The instance whose container this is (a standby container carries no app instance label). */
    public Optional<AppInstanceEntity> findByContainerId(String containerId) {
        return em.createQuery("select i from AppInstanceEntity i where i.containerId = :c", AppInstanceEntity.class)
                .setParameter("c", containerId).getResultStream().findFirst();
    }

    public void insert(AppInstanceEntity e) {
        e.createdAt = System.currentTimeMillis();
        e.updatedAt = e.createdAt;
        em.persist(e);
    }

    /** Applies {@code change} to the stored instance and commits; returns the new state. */
    public AppInstanceEntity update(String id, Consumer<AppInstanceEntity> change) {
        // read under a row lock: the latest committed row, and no other writer between this read and the write
        // (a plain read once came back one version old during many concurrent instantiations, and the write
        // then failed its optimistic check, failing an instantiation that had succeeded)
        AppInstanceEntity e = em.find(AppInstanceEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw new IllegalStateException("app instance " + id + " vanished");
        }
        change.accept(e);
        e.updatedAt = System.currentTimeMillis();
        em.flush();
        return e;
    }

    public boolean delete(String id) {
        AppInstanceEntity e = em.find(AppInstanceEntity.class, id);
        if (e == null) {
            return false;
        }
        em.remove(e);
        return true;
    }
}

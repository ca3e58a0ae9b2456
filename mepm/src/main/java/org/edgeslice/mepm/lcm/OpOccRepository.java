package org.edgeslice.mepm.lcm;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.edgeslice.contract.mec010.lcm.OperationState;

/** The LCM operation occurrences of this MEPM. */
@Stateless
public class OpOccRepository {

    private static final List<OperationState> ACTIVE = List.of(OperationState.STARTING, OperationState.PROCESSING);

    @PersistenceContext(unitName = "mepm")
    EntityManager em;

    public Optional<OpOccEntity> find(String id) {
        return Optional.ofNullable(em.find(OpOccEntity.class, id));
    }

    public List<OpOccEntity> findAll() {
        return em.createQuery("select o from OpOccEntity o order by o.startTime, o.id", OpOccEntity.class).getResultList();
    }

    /** The operation running on an instance (at most one: a second one is refused with 409). */
    public Optional<OpOccEntity> active(String appInstanceId) {
        return em.createQuery("select o from OpOccEntity o where o.appInstanceId = :i and o.state in :s", OpOccEntity.class)
                .setParameter("i", appInstanceId).setParameter("s", ACTIVE).getResultStream().findFirst();
    }

    /** Operations a previous MEPM process left unfinished. */
    public List<OpOccEntity> unfinished() {
        return em.createQuery("select o from OpOccEntity o where o.state in :s", OpOccEntity.class)
                .setParameter("s", ACTIVE).getResultList();
    }

    public void insert(OpOccEntity e) {
        em.persist(e);
    }

    public OpOccEntity update(String id, Consumer<OpOccEntity> change) {
        // read under a row lock: the latest committed row, and no other writer between this read and the write
        // (a plain read once came back one version old during many concurrent instantiations, and the write
        // then failed its optimistic check, failing an instantiation that had succeeded)
        OpOccEntity e = em.find(OpOccEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        change.accept(e);
        em.flush();
        return e;
    }

    public void deleteOf(String appInstanceId) {
        em.createQuery("delete from OpOccEntity o where o.appInstanceId = :i").setParameter("i", appInstanceId).executeUpdate();
    }
}

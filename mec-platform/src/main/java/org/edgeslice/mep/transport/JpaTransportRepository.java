package org.edgeslice.mep.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTransportRepository implements TransportRepository {

    @PersistenceContext(unitName = "mep")
    EntityManager em;

    @Override
    public List<TransportEntity> findAll() {
        return em.createQuery("select t from TransportEntity t order by t.id", TransportEntity.class).getResultList();
    }

    @Override
    public Optional<TransportEntity> find(String id) {
        return Optional.ofNullable(em.find(TransportEntity.class, id));
    }
}

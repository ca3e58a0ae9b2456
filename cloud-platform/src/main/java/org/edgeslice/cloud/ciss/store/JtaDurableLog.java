package org.edgeslice.cloud.ciss.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.edgeslice.cloud.infrastructure.CloudSettings;

/** {@link DurableLog} in the server: each commit is its own JTA transaction on the cloud database. */
@ApplicationScoped
public class JtaDurableLog implements DurableLog {

    @PersistenceContext(unitName = "cloud")
    EntityManager em;

    @Inject
    CloudSettings settings;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ResourceRow> loadAll() {
        return ResourceRows.loadAll(em);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void commit(List<RowChange> changes) {
        ResourceRows.apply(em, changes, settings.synchronousCommit());
    }
}

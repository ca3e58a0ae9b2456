package org.edgeslice.meo.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.edgeslice.contract.mec010.grant.Grant;
import org.edgeslice.meo.grant.GrantRepository;

/** Grants in the MEO database. */
@ApplicationScoped
@Transactional
public class JpaGrantRepository implements GrantRepository {

    @Inject
    DocumentStore documents;

    @Override
    public Optional<Grant> find(String id) {
        return documents.find("grant", id, Grant.class);
    }

    @Override
    public void save(Grant grant) {
        documents.put("grant", grant.id(), grant);
    }
}

package org.edgeslice.meo.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.edgeslice.contract.mec010.grant.Grant;
import org.edgeslice.meo.grant.GrantRepository;
import org.edgeslice.meo.grant.PendingGrant;

/** Grants and pending grant requests in the MEO database. */
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

    @Override
    public Optional<PendingGrant> pending(String id) {
        return documents.find("grantreq", id, PendingGrant.class);
    }

    @Override
    public void save(PendingGrant pending) {
        documents.put("grantreq", pending.id(), pending);
    }

    @Override
    public void deletePending(String id) {
        documents.remove("grantreq", id);
    }
}

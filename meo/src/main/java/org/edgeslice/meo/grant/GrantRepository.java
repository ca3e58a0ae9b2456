package org.edgeslice.meo.grant;

import java.util.Optional;
import org.edgeslice.contract.mec010.grant.Grant;

/** Where grants, and the requests still being decided, are recorded. */
public interface GrantRepository {

    Optional<Grant> find(String id);

    void save(Grant grant);

    Optional<PendingGrant> pending(String id);

    void save(PendingGrant pending);

    void deletePending(String id);
}

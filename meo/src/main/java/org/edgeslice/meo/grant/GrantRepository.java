package org.edgeslice.meo.grant;

import java.util.Optional;
import org.edgeslice.contract.mec010.grant.Grant;

/** Where grants are recorded. */
public interface GrantRepository {

    Optional<Grant> find(String id);

    void save(Grant grant);
}

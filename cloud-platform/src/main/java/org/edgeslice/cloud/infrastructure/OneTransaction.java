package org.edgeslice.cloud.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs several repository calls (each {@code @Transactional}) as one transaction: they join it, and it commits
 * once when {@code work} returns (rolled back if it throws). For a request's reads and its first save, which the
 * caller waits for one after another.
 */
@ApplicationScoped
public class OneTransaction {

    @Transactional
    public <T> T run(Supplier<T> work) {
        return work.get();
    }
}

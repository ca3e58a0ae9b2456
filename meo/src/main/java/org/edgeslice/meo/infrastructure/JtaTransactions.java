package org.edgeslice.meo.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;
import org.edgeslice.meo.common.Transactions;

/** {@link Transactions} on JTA: joins the caller's transaction or starts one; any exception rolls back. */
@ApplicationScoped
public class JtaTransactions implements Transactions {

    @Override
    @Transactional(rollbackOn = Exception.class)
    public <T> T call(Supplier<T> work) {
        return work.get();
    }
}

package org.edgeslice.cloud.ciss.store;

import java.util.List;
import java.util.stream.Stream;

/**
 * Where {@link JpaResourceStore} makes its changes durable: one transaction per call. Implemented with a JTA
 * transaction in the server ({@link JtaDurableLog}) and with a resource-local one in tests; both delegate the
 * JPA work to {@link ResourceRows}.
 */
public interface DurableLog {

    /** Every stored resource, in creation order (parents before children). */
    List<ResourceRow> loadAll();

    /** Applies the changes in order, in one transaction; returns only when it committed, else throws. */
    void commit(List<RowChange> changes);

    /** One row change: insert (row), replace the attributes (row), or delete (ri). */
    record RowChange(Kind kind, ResourceRow row, String ri) {
        /** What the change does. */
        public enum Kind { INSERT, UPDATE, DELETE }
    }

    /** Convenience for tests. */
    default Stream<ResourceRow> stream() {
        return loadAll().stream();
    }
}

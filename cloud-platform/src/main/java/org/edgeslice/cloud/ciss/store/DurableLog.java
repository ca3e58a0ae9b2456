package org.edgeslice.cloud.ciss.store;

import java.util.List;
import java.util.function.Supplier;
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

    /**
     * One row change: insert a row, replace a row's attributes, or delete the row of {@code ri}. The attributes'
     * JSON text is produced only when the change is written ({@code attrs} is called once, by the committer): a
     * group commit nets the changes of many requests first, and a container updated by a hundred content
     * instance creations is serialized once instead of a hundred times on the request threads.
     */
    record RowChange(Kind kind, String ri, int ty, long seq, String path, Supplier<String> attrs) {
        /** What the change does. */
        public enum Kind { INSERT, UPDATE, DELETE }

        public static RowChange insert(String ri, int ty, long seq, String path, Supplier<String> attrs) {
            return new RowChange(Kind.INSERT, ri, ty, seq, path, attrs);
        }

        public static RowChange update(String ri, int ty, String path, Supplier<String> attrs) {
            return new RowChange(Kind.UPDATE, ri, ty, 0, path, attrs);
        }

        public static RowChange delete(String ri) {
            return new RowChange(Kind.DELETE, ri, 0, 0, null, null);
        }

        /** The row this change writes (serializes the attributes). */
        public ResourceRow row() {
            return new ResourceRow(ri, ty, seq, path, attrs.get());
        }
    }

    /** Convenience for tests. */
    default Stream<ResourceRow> stream() {
        return loadAll().stream();
    }
}

package org.edgeslice.onem2m.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.edgeslice.onem2m.resource.Resource;

/**
 * The changes one oneM2M request makes to the resource tree, applied atomically by {@link ResourceStore#write}.
 * One CREATE of a contentInstance, for example, creates the CIN, updates the parent container's
 * {@code cni/cbs/st} and may delete the oldest CINs (TS-0001 §9.6.6): all or nothing.
 */
public final class WriteBatch {
    /** One change: a created or replaced resource, or a deleted resource id. */
    public record Change(Kind kind, Resource resource, String ri) {
    }

    /** What a change does. */
    public enum Kind { CREATE, UPDATE, DELETE }

    private final List<Change> changes = new ArrayList<>(4);

    public WriteBatch create(Resource r) {
        changes.add(new Change(Kind.CREATE, r, r.ri()));
        return this;
    }

    public WriteBatch update(Resource r) {
        changes.add(new Change(Kind.UPDATE, r, r.ri()));
        return this;
    }

    /** Deletes exactly this resource; the caller lists the children (the store does not cascade). */
    public WriteBatch delete(String ri) {
        changes.add(new Change(Kind.DELETE, null, ri));
        return this;
    }

    public List<Change> changes() {
        return Collections.unmodifiableList(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}

package org.edgeslice.onem2m.store;

import java.util.List;
import java.util.Optional;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.discovery.FilterCriteria;
import org.edgeslice.onem2m.resource.Resource;

/**
 * Storage of a CSE's resource tree: the "Data Management and Repository" CSF of TS-0001 §6.2.4.
 *
 * <p>The store knows nothing of oneM2M rules (permissions, child types, limits: those are the procedures of
 * TS-0001 §10.1 implemented in {@code org.edgeslice.onem2m.procedure}); it only keeps resources and answers
 * lookups by unstructured id ({@code ri}, TS-0001 §9.3.1), by parent ({@code pi}), by structured address, and
 * discovery queries (TS-0001 §10.2.6). It must keep children of one parent in creation order, because
 * {@code la}/{@code ol} (TS-0001 §9.6.27/§9.6.28) and the oldest-first removal of content instances
 * (TS-0001 §9.6.6) depend on it.
 *
 * <p>Implementations are thread-safe. Readers may run concurrently with one writer; callers serialise
 * writes that depend on reads (the engine does). {@link #write} returns only when the batch is durable per
 * the store's policy: a write acknowledged to a client must survive a crash of the process.
 */
public interface ResourceStore extends AutoCloseable {

    /** @return the resource with this unstructured id */
    Optional<Resource> get(String ri);

    /** @return the resource at this structured CSE-relative address ({@code cse-mn/ae1/cnt1}, no leading slash) */
    Optional<Resource> getByPath(String structuredPath);

    /** @return the direct children of {@code pi}, oldest first */
    List<Resource> children(String pi);

    /** @return the direct children of {@code pi} of one type, oldest first */
    List<Resource> children(String pi, ResourceType type);

    /** @return the oldest direct child of this type ({@code ol} for content instances) */
    Optional<Resource> oldestChild(String pi, ResourceType type);

    /** @return the newest direct child of this type ({@code la} for content instances) */
    Optional<Resource> latestChild(String pi, ResourceType type);

    /** @return whether {@code pi} has a direct child named {@code rn} (the 4105 CONFLICT check) */
    boolean hasChildNamed(String pi, String rn);

    /**
     * Discovery (TS-0001 §10.2.6): the descendants of {@code rootRi} (not the root itself) that match the
     * criteria, in breadth-first, creation order, at most {@code filter.level()} levels deep. Limit and offset are
     * left to the caller because access control must be applied before counting (TS-0004 §7.3.3.17).
     */
    List<Resource> discover(String rootRi, FilterCriteria filter);

    /** Applies all changes atomically and durably (see the class comment). */
    void write(WriteBatch batch);

    /** Number of resources held; for tests and metrics. */
    int size();

    @Override
    void close();
}

package org.edgeslice.onem2m.store;

import java.util.List;
import java.util.Optional;
import org.edgeslice.onem2m.discovery.FilterCriteria;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.common.ResourceType;

/**
 * A durable {@link ResourceStore} that answers every read from an in-memory index and keeps durability to
 * itself: subclasses make each {@link #write} durable (a write-ahead log, a database) and apply it to
 * {@link #memory}. The retrieve, discovery and structured-addressing procedures of TS-0004 then cost the same
 * whatever the durable medium.
 */
public abstract class MemoryIndexedResourceStore implements ResourceStore {

    /** The index every read is answered from; subclasses apply each durable write to it. */
    protected final InMemoryResourceStore memory = new InMemoryResourceStore();

    @Override
    public Optional<Resource> get(String ri) {
        return memory.get(ri);
    }

    @Override
    public Optional<Resource> getByPath(String structuredPath) {
        return memory.getByPath(structuredPath);
    }

    @Override
    public List<Resource> children(String pi) {
        return memory.children(pi);
    }

    @Override
    public List<Resource> children(String pi, ResourceType type) {
        return memory.children(pi, type);
    }

    @Override
    public Optional<Resource> oldestChild(String pi, ResourceType type) {
        return memory.oldestChild(pi, type);
    }

    @Override
    public Optional<Resource> latestChild(String pi, ResourceType type) {
        return memory.latestChild(pi, type);
    }

    @Override
    public boolean hasChildNamed(String pi, String rn) {
        return memory.hasChildNamed(pi, rn);
    }

    @Override
    public List<Resource> discover(String rootRi, FilterCriteria filter) {
        return memory.discover(rootRi, filter);
    }

    @Override
    public int size() {
        return memory.size();
    }
}

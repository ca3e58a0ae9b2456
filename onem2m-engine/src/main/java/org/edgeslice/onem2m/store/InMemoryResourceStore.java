package org.edgeslice.onem2m.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.discovery.FilterCriteria;
import org.edgeslice.onem2m.resource.Resource;

/**
 * A {@link ResourceStore} in memory: hash maps by {@code ri} and by structured path, and per parent a
 * creation-ordered index of children (a skip list keyed by a global sequence number, so {@code la}/{@code ol}
 * are O(log n) and readers never block). Not durable by itself; {@code WalResourceStore} adds the log.
 */
public final class InMemoryResourceStore implements ResourceStore {

    /** The children of one parent, in creation order, overall and per type, plus the name index for 4105. */
    private static final class ChildIndex {
        final ConcurrentSkipListMap<Long, String> all = new ConcurrentSkipListMap<>();
        final Map<ResourceType, ConcurrentSkipListMap<Long, String>> byType = new ConcurrentHashMap<>();
        final Map<String, String> byName = new ConcurrentHashMap<>();
    }

    private final Map<String, Resource> byRi = new ConcurrentHashMap<>();
    private final Map<String, String> riByPath = new ConcurrentHashMap<>();
    private final Map<String, Long> seqByRi = new ConcurrentHashMap<>();
    private final Map<String, ChildIndex> children = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public Optional<Resource> get(String ri) {
        return Optional.ofNullable(byRi.get(ri));
    }

    @Override
    public Optional<Resource> getByPath(String structuredPath) {
        String ri = riByPath.get(structuredPath);
        return ri == null ? Optional.empty() : get(ri);
    }

    @Override
    public List<Resource> children(String pi) {
        ChildIndex idx = children.get(pi);
        return idx == null ? List.of() : resolve(idx.all.values());
    }

    @Override
    public List<Resource> children(String pi, ResourceType type) {
        ConcurrentSkipListMap<Long, String> m = typed(pi, type);
        return m == null ? List.of() : resolve(m.values());
    }

    @Override
    public Optional<Resource> oldestChild(String pi, ResourceType type) {
        ConcurrentSkipListMap<Long, String> m = typed(pi, type);
        Map.Entry<Long, String> e = m == null ? null : m.firstEntry();
        return e == null ? Optional.empty() : get(e.getValue());
    }

    @Override
    public Optional<Resource> latestChild(String pi, ResourceType type) {
        ConcurrentSkipListMap<Long, String> m = typed(pi, type);
        Map.Entry<Long, String> e = m == null ? null : m.lastEntry();
        return e == null ? Optional.empty() : get(e.getValue());
    }

    @Override
    public boolean hasChildNamed(String pi, String rn) {
        ChildIndex idx = children.get(pi);
        return idx != null && idx.byName.containsKey(rn);
    }

    @Override
    public List<Resource> discover(String rootRi, FilterCriteria filter) {
        List<Resource> out = new ArrayList<>();
        Deque<String> level = new ArrayDeque<>();
        level.add(rootRi);
        int depth = 0;
        Integer maxLevel = filter.level();
        while (!level.isEmpty() && (maxLevel == null || depth < maxLevel)) {
            Deque<String> next = new ArrayDeque<>();
            for (String pi : level) {
                for (Resource child : children(pi)) {
                    if (filter.matches(child)) {
                        out.add(child);
                    }
                    next.add(child.ri());
                }
            }
            level = next;
            depth++;
        }
        return out;
    }

    @Override
    public synchronized void write(WriteBatch batch) {
        for (WriteBatch.Change c : batch.changes()) {
            switch (c.kind()) {
                case CREATE -> insert(c.resource());
                case UPDATE -> byRi.replace(c.ri(), c.resource());
                case DELETE -> remove(c.ri());
                default -> throw new IllegalStateException();
            }
        }
    }

    private void insert(Resource r) {
        long seq = sequence.incrementAndGet();
        byRi.put(r.ri(), r);
        seqByRi.put(r.ri(), seq);
        riByPath.put(r.path(), r.ri());
        String pi = r.pi();
        if (pi != null && !pi.isEmpty()) {
            ChildIndex idx = children.computeIfAbsent(pi, k -> new ChildIndex());
            idx.byName.put(r.rn(), r.ri());
            idx.byType.computeIfAbsent(r.type(), k -> new ConcurrentSkipListMap<>()).put(seq, r.ri());
            idx.all.put(seq, r.ri()); // last: a reader finding it in "all" also finds it everywhere else
        }
    }

    private void remove(String ri) {
        Resource r = byRi.get(ri);
        Long seq = seqByRi.remove(ri);
        if (r == null || seq == null) {
            return;
        }
        ChildIndex idx = r.pi() == null ? null : children.get(r.pi());
        if (idx != null) {
            idx.all.remove(seq);
            ConcurrentSkipListMap<Long, String> typed = idx.byType.get(r.type());
            if (typed != null) {
                typed.remove(seq);
            }
            idx.byName.remove(r.rn(), ri);
        }
        children.remove(ri);
        riByPath.remove(r.path(), ri);
        byRi.remove(ri);
    }

    /** All resources in creation order: parents always before their children. Used for log compaction. */
    public synchronized List<Resource> snapshotInCreationOrder() {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(seqByRi.entrySet());
        entries.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
        List<Resource> out = new ArrayList<>(entries.size());
        for (Map.Entry<String, Long> e : entries) {
            Resource r = byRi.get(e.getKey());
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public int size() {
        return byRi.size();
    }

    @Override
    public void close() {
        // nothing to release
    }

    private ConcurrentSkipListMap<Long, String> typed(String pi, ResourceType type) {
        ChildIndex idx = children.get(pi);
        return idx == null ? null : idx.byType.get(type);
    }

    private List<Resource> resolve(Iterable<String> ris) {
        List<Resource> out = new ArrayList<>();
        for (String ri : ris) {
            Resource r = byRi.get(ri);
            if (r != null) { // may have been deleted concurrently
                out.add(r);
            }
        }
        return out;
    }
}

package org.edgeslice.handler.slice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which slice runs which functions on this host (steps 02 and 13). Pure in-memory logic; every change is written to
 * the {@link Journal} (the handler's persistent store) before it becomes visible, under the table's lock.
 */
public final class SliceTable {

    /** Receives every change before it is applied. */
    public interface Journal {
        void saved(SliceEntry entry);

        void removed(String appInstanceId);

        Journal NONE = new Journal() {
            @Override
            public void saved(SliceEntry entry) {
            }

            @Override
            public void removed(String appInstanceId) {
            }
        };
    }

    private final Map<String, SliceEntry> entries = new LinkedHashMap<>();
    private final Journal journal;

    public SliceTable(Journal journal, Collection<SliceEntry> restored) {
        this.journal = journal;
        restored.forEach(e -> entries.put(e.appInstanceId(), e));
    }

    public synchronized List<SliceEntry> all() {
        return List.copyOf(entries.values());
    }

    public synchronized Optional<SliceEntry> get(String appInstanceId) {
        return Optional.ofNullable(entries.get(appInstanceId));
    }

    /**
     * Step 02: the slice to reuse for these functions: among the slices not being released that serve all of them,
     * the one with the fewest functions (least waste), then the one with the most users (keeps others idle so they
     * can be released), then by id (deterministic).
     */
    public synchronized Optional<SliceEntry> covering(Collection<String> functions) {
        Set<String> wanted = Set.copyOf(functions);
        return entries.values().stream().filter(e -> e.covers(wanted))
                .min(Comparator.<SliceEntry>comparingInt(e -> e.functions().size())
                        .thenComparing(Comparator.<SliceEntry>comparingInt(e -> e.users().size()).reversed())
                        .thenComparing(SliceEntry::appInstanceId));
    }

    /**
     * Step 13: the ISCL reports a slice (new or reused) serving a request; merge what it says and add the user. The
     * endpoints of functions the slice announced as MEC services stay as announced.
     */
    public synchronized SliceEntry recordServing(SliceEntry reported, String requestId, Instant now) {
        SliceEntry old = entries.get(reported.appInstanceId());
        Set<String> functions = new HashSet<>(reported.functions());
        Map<String, String> endpoints = new HashMap<>(reported.endpoints());
        Map<String, String> services = new HashMap<>();
        Set<String> users = new HashSet<>();
        if (old != null) {
            functions.addAll(old.functions());
            old.endpoints().forEach(endpoints::putIfAbsent);
            // where the slice registered a MEC service, the platform's registry is the authority on the endpoint
            for (String f : old.services().values()) {
                String announced = old.endpoints().get(f);
                if (announced != null) {
                    endpoints.put(f, announced);
                }
            }
            services.putAll(old.services());
            users.addAll(old.users());
        }
        users.add(requestId);
        SliceEntry e = new SliceEntry(reported.appInstanceId(), or(reported.sliceId(), old == null ? null : old.sliceId()),
                or(reported.hostId(), old == null ? null : old.hostId()), functions, endpoints, services, users,
                now.toString(), false, or(reported.cseId(), old == null ? null : old.cseId()),
                or(reported.cseName(), old == null ? null : old.cseName()));
        save(e);
        return e;
    }

    /** A device request no longer uses its slice (DELETE, or it failed after being attached). */
    public synchronized void detach(String appInstanceId, String requestId, Instant now) {
        SliceEntry e = entries.get(appInstanceId);
        if (e == null || !e.users().contains(requestId)) {
            return;
        }
        Set<String> users = new HashSet<>(e.users());
        users.remove(requestId);
        save(new SliceEntry(e.appInstanceId(), e.sliceId(), e.hostId(), e.functions(), e.endpoints(), e.services(),
                users, now.toString(), e.releasing(), e.cseId(), e.cseName()));
    }

    /**
     * A MEC service of a slice is available (ADDED, or back to ACTIVE): the slice serves that function at that
     * endpoint. A slice the handler did not know yet (e.g. learnt after a restart) is added without users.
     */
    public synchronized SliceEntry serviceUp(String appInstanceId, String serInstanceId, String function,
                                             String endpoint, String hostId, Instant now) {
        SliceEntry e = entries.get(appInstanceId);
        Set<String> functions = new HashSet<>(e == null ? Set.of() : e.functions());
        Map<String, String> endpoints = new HashMap<>(e == null ? Map.of() : e.endpoints());
        Map<String, String> services = new HashMap<>(e == null ? Map.of() : e.services());
        if (!function.equals("http")) {
            functions.add(function); // "http" is the main endpoint serving every function, not a function
        }
        if (endpoint != null) {
            endpoints.put(function, endpoint);
        }
        services.put(serInstanceId, function);
        SliceEntry n = e == null
                ? new SliceEntry(appInstanceId, null, hostId, functions, endpoints, services, Set.of(), now.toString(),
                        false, null, null)
                : new SliceEntry(appInstanceId, e.sliceId(), e.hostId() == null ? hostId : e.hostId(), functions,
                        endpoints, services, e.users(), e.lastUsedAt(), e.releasing(), e.cseId(), e.cseName());
        if (!n.equals(e)) {
            save(n);
        }
        return n;
    }

    /**
     * A MEC service went away (REMOVED, or no longer ACTIVE): the slice no longer offers that function. A slice left
     * with no announced function vanished and leaves the table.
     *
     * @return the slice removed from the table because of this, if any
     */
    public synchronized Optional<SliceEntry> serviceDown(String serInstanceId) {
        for (SliceEntry e : entries.values()) {
            String function = e.services().get(serInstanceId);
            if (function == null) {
                continue;
            }
            Map<String, String> services = new HashMap<>(e.services());
            services.remove(serInstanceId);
            Set<String> functions = new HashSet<>(e.functions());
            if (!services.containsValue(function)) {
                functions.remove(function);
            }
            if (services.isEmpty()) {
                journal.removed(e.appInstanceId());
                entries.remove(e.appInstanceId());
                return Optional.of(e);
            }
            save(new SliceEntry(e.appInstanceId(), e.sliceId(), e.hostId(), functions, e.endpoints(), services,
                    e.users(), e.lastUsedAt(), e.releasing(), e.cseId(), e.cseName()));
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Slices without users whose last use is older than {@code idle} and not already being released. */
    public synchronized List<SliceEntry> idleSince(Instant now, Duration idle) {
        List<SliceEntry> out = new ArrayList<>();
        for (SliceEntry e : entries.values()) {
            if (!e.releasing() && e.users().isEmpty()
                    && !Instant.parse(e.lastUsedAt()).plus(idle).isAfter(now)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Marks a slice as being released (no new users) iff it is still idle; false if a user came meanwhile. */
    public synchronized boolean startRelease(String appInstanceId) {
        SliceEntry e = entries.get(appInstanceId);
        if (e == null || e.releasing() || !e.users().isEmpty()) {
            return false;
        }
        save(withReleasing(e, true));
        return true;
    }

    /** A release failed: offer the slice again (it is retried after the idle time). */
    public synchronized void releaseFailed(String appInstanceId, Instant now) {
        SliceEntry e = entries.get(appInstanceId);
        if (e != null) {
            save(new SliceEntry(e.appInstanceId(), e.sliceId(), e.hostId(), e.functions(), e.endpoints(),
                    e.services(), e.users(), now.toString(), false, e.cseId(), e.cseName()));
        }
    }

    public synchronized Optional<SliceEntry> remove(String appInstanceId) {
        SliceEntry e = entries.get(appInstanceId);
        if (e != null) {
            journal.removed(appInstanceId);
            entries.remove(appInstanceId);
        }
        return Optional.ofNullable(e);
    }

    private static SliceEntry withReleasing(SliceEntry e, boolean releasing) {
        return new SliceEntry(e.appInstanceId(), e.sliceId(), e.hostId(), e.functions(), e.endpoints(), e.services(),
                e.users(), e.lastUsedAt(), releasing, e.cseId(), e.cseName());
    }

    private void save(SliceEntry e) {
        journal.saved(e);
        entries.put(e.appInstanceId(), e);
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}

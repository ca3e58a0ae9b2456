package org.edgeslice.meo.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read model behind the GET collections: per kind, the committed documents of this MEO, parsed once and
 * kept in creation order, so that listing 1,000 app instances neither loads 1,000 managed entities nor parses
 * 1,000 JSON bodies per request.
 *
 * <p>It never trusts its own copy of a change: every committed (or rolled back) write of a document only marks
 * the key dirty, and the next read fetches the dirty keys again from the database. A read therefore sees every
 * transaction that completed before it started (the MEO acknowledges a change only after its commit). Valid
 * because one MEO process owns its database (the host inventory's locks assume the same).
 */
@ApplicationScoped
public class CommittedDocuments {

    private final Map<String, View> views = new ConcurrentHashMap<>();

    /** After the completion of a transaction that wrote {@code kind/key}. */
    void changed(String kind, String key) {
        View v = views.get(kind);
        if (v != null) {
            v.dirty.add(key);
        }
    }

    View view(String kind) {
        return views.computeIfAbsent(kind, k -> new View());
    }

    /** One document as read: its creation order, body and the record parsed from it. */
    record Doc(String key, long createdMs, String body, Object value) {
    }

    /** The committed documents of one kind. Guarded by its own monitor. */
    static final class View {
        final Set<String> dirty = ConcurrentHashMap.newKeySet();
        boolean loaded;
        private final TreeMap<String, Doc> ordered = new TreeMap<>();
        private final Map<String, String> orderOf = new HashMap<>();

        /** Takes the dirty keys; marks made from now on are for the next read. */
        List<String> drainDirty() {
            List<String> keys = new ArrayList<>(dirty);
            dirty.removeAll(keys);
            return keys;
        }

        void put(Doc d) {
            remove(d.key());
            String order = String.format("%020d/%s", d.createdMs(), d.key());
            ordered.put(order, d);
            orderOf.put(d.key(), order);
        }

        void remove(String key) {
            String order = orderOf.remove(key);
            if (order != null) {
                ordered.remove(order);
            }
        }

        Doc get(String key) {
            String order = orderOf.get(key);
            return order == null ? null : ordered.get(order);
        }

        List<Object> values() {
            List<Object> out = new ArrayList<>(ordered.size());
            for (Doc d : ordered.values()) {
                out.add(d.value());
            }
            return out;
        }
    }
}

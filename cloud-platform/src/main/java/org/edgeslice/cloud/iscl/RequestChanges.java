package org.edgeslice.cloud.iscl;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.edgeslice.contract.cloud.SlicingRequestInfo;

/**
 * Who waits for the next change of a slicing request: the long-polling GETs (RFC 7240 {@code Prefer: wait}) and
 * POSTs waiting for the outcome. The ISS signals after each saved change of a request's trace or state, so that
 * the handler learns of completion within milliseconds instead of at its next poll. A change is signalled with the
 * request as committed, and the last one of recent requests is kept, so a waiter needs no database read to see it.
 */
@ApplicationScoped
public class RequestChanges {

    private static final int RECENT = 512;

    private final Map<String, List<Consumer<SlicingRequestInfo>>> waiters = new ConcurrentHashMap<>();
    private final Map<String, SlicingRequestInfo> recent = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SlicingRequestInfo> eldest) {
            return size() > RECENT;
        }
    };

    /** Runs {@code listener} once, at the next change of request {@code id}. */
    public void onNextChange(String id, Runnable listener) {
        onNextChange(id, info -> listener.run(), listener);
    }

    /** A waiter that gave up (timeout, client gone). */
    public void forget(String id, Runnable listener) {
        forgetKey(id, listener);
    }

    /**
     * Calls {@code listener} once with the request as committed at its next change; {@code key} identifies the
     * registration for {@link #forgetKey}.
     */
    public void onNextChange(String id, Consumer<SlicingRequestInfo> listener, Object key) {
        waiters.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(new Keyed(listener, key));
    }

    public void forgetKey(String id, Object key) {
        waiters.computeIfPresent(id, (k, list) -> {
            list.removeIf(l -> l instanceof Keyed w && w.key == key);
            return list.isEmpty() ? null : list;
        });
    }

    /** The request as last committed through {@link #changed}, if it is among the recent ones. */
    public Optional<SlicingRequestInfo> latest(String id) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(id));
        }
    }

    /** Called after a change of a request is committed, with the request as committed. */
    public void changed(SlicingRequestInfo info) {
        synchronized (recent) {
            recent.put(info.id(), info);
        }
        List<Consumer<SlicingRequestInfo>> due = waiters.remove(info.id());
        if (due != null) {
            due.forEach(l -> l.accept(info));
        }
    }

    private record Keyed(Consumer<SlicingRequestInfo> listener, Object key) implements Consumer<SlicingRequestInfo> {
        @Override
        public void accept(SlicingRequestInfo info) {
            listener.accept(info);
        }
    }
}

package org.edgeslice.cloud.iscl;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who waits for the next change of a slicing request: the long-polling GETs (RFC 7240 {@code Prefer: wait}). The
 * ISS signals after each saved change of a request's trace or state, so that the handler learns of completion
 * within milliseconds instead of at its next poll.
 */
@ApplicationScoped
public class RequestChanges {

    private final Map<String, List<Runnable>> waiters = new ConcurrentHashMap<>();

    /** Runs {@code listener} once, at the next change of request {@code id}. */
    public void onNextChange(String id, Runnable listener) {
        waiters.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** A waiter that gave up (timeout, client gone). */
    public void forget(String id, Runnable listener) {
        waiters.computeIfPresent(id, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Called after a change of request {@code id} is saved. */
    public void changed(String id) {
        List<Runnable> due = waiters.remove(id);
        if (due != null) {
            due.forEach(Runnable::run);
        }
    }
}

package org.edgeslice.meo.common;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically: a state change and the notifications it causes are written together or
 * not at all. Joins a transaction already running. The JTA implementation lives in infrastructure; unit tests
 * run the work directly.
 */
public interface Transactions {

    <T> T call(Supplier<T> work);

    default void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}

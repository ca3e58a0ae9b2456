package org.edgeslice.mep.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Who waits for an app's Mp1 confirm_ready (the MEPM's Mm5 long poll): told as soon as the confirmation has been
 * committed, so that the MEPM completes the instantiation without polling for it.
 */
@ApplicationScoped
public class ReadyWaiters {

    private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();

    /**
     * Waits up to {@code millis} until {@code ready} holds; it is asked once before waiting (after the waiter is
     * registered, so a confirmation between the two is not missed) and once after.
     *
     * @return whether it holds
     */
    public boolean await(String appInstanceId, long millis, BooleanSupplier ready) throws InterruptedException {
        CountDownLatch latch = waiting.computeIfAbsent(appInstanceId, k -> new CountDownLatch(1));
        if (ready.getAsBoolean()) {
            return true;
        }
        latch.await(millis, TimeUnit.MILLISECONDS);
        return ready.getAsBoolean();
    }

    /** The app's confirm_ready has been committed: every waiter looks again. */
    public void confirmed(String appInstanceId) {
        CountDownLatch latch = waiting.remove(appInstanceId);
        if (latch != null) {
            latch.countDown();
        }
    }
}

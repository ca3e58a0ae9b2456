package org.edgeslice.support.outbox;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivery rounds of a transactional outbox, one at a time: started by a periodic backstop (retries, and rows left
 * by a restart) and, at once, by the commit of a transaction that queued a notification. Without the kick a
 * notification waited for the next periodic round; with one round at a time the backstop and the kicks never
 * deliver the same row twice. A round asked for while one runs makes that one run again, so nothing queued
 * meanwhile waits for the backstop.
 */
public final class DeliveryRounds {

    private static final Logger LOG = Logger.getLogger(DeliveryRounds.class.getName());

    private final IntSupplier round;
    private final ThreadFactory threads;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile ExecutorService kicks;

    /**
     * @param round   one delivery round; returns how many notifications it delivered
     * @param threads the container's managed thread factory: rounds need its transaction context
     */
    public DeliveryRounds(IntSupplier round, ThreadFactory threads) {
        this.round = round;
        this.threads = threads;
    }

    /** Rounds until nothing new was queued meanwhile; 0 at once if a round is running (it runs again). */
    public int deliverDue() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return 0;
        }
        try {
            int delivered = 0;
            do {
                again.set(false);
                delivered += round.getAsInt();
            } while (again.get());
            return delivered;
        } finally {
            running.set(false);
        }
    }

    /** A round now, on a thread of its own. */
    private void kick() {
        again.set(true);
        ExecutorService k = kicks;
        if (k == null) {
            synchronized (this) {
                if (kicks == null) {
                    kicks = Executors.newSingleThreadExecutor(threads);
                }
                k = kicks;
            }
        }
        try {
            k.submit(this::deliverDue);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "delivery kick refused; the periodic round delivers", e);
        }
    }

    /**
     * A round once the current transaction has committed (nothing if it rolls back: nothing was queued). Asked once
     * per queued notification, registered once per transaction.
     */
    public void kickAfterCommit(TransactionSynchronizationRegistry transactions) {
        if (transactions.getResource(this) != null) {
            return;
        }
        transactions.putResource(this, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    kick();
                }
            }
        });
    }

    public void stop() {
        ExecutorService k = kicks;
        if (k != null) {
            k.shutdownNow();
        }
    }
}

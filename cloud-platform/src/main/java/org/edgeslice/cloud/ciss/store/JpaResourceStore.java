package org.edgeslice.cloud.ciss.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.store.MemoryIndexedResourceStore;
import org.edgeslice.onem2m.store.InMemoryResourceStore;
import org.edgeslice.onem2m.store.ResourceStore;
import org.edgeslice.onem2m.store.WriteBatch;

/**
 * The CISS's durable {@link ResourceStore}: the resource tree is read from an {@link InMemoryResourceStore} mirror
 * (loaded from the database at start), and every {@link WriteBatch} is made durable through a {@link DurableLog}
 * (JPA/Hibernate on the cloud database) by one committer thread that groups every batch queued meanwhile into one
 * transaction (group commit).
 *
 * <p>Two policies ({@link Commit}):
 * <ul>
 *   <li>{@code SYNC}: {@link #write} returns when the batch committed, and the mirror is changed only after the
 *       commit. The engine calls {@code write} under its write lock, so requests commit one after the other.</li>
 *   <li>{@code GROUP} (default): {@link #write} changes the mirror and queues the batch; the caller acknowledges
 *       the request only after {@link #awaitDurable()} (the HTTP adapter and every CISS path do), so acknowledged
 *       still means committed, while the engine lock is released before the commit and concurrent requests share
 *       one transaction. Readers may see a change shortly before it is committed. If a commit fails the store
 *       stops accepting writes (and readiness reports it): the mirror is then ahead of the database and only a
 *       restart, which reloads the mirror, makes them agree again.</li>
 * </ul>
 */
public final class JpaResourceStore extends MemoryIndexedResourceStore {

    /** When a write is durable; see the class comment. */
    public enum Commit { SYNC, GROUP }

    private static final System.Logger LOG = System.getLogger(JpaResourceStore.class.getName());
    private static final int MAX_GROUP = 2000;

    private final DurableLog log;
    private final Commit policy;
    private final AtomicLong seq = new AtomicLong();
    private final Object queueLock = new Object();
    private final ArrayList<Pending> queue = new ArrayList<>();
    private final ThreadLocal<Long> lastTicket = ThreadLocal.withInitial(() -> 0L);
    private final Thread committer;
    private long nextTicket = 1; // guarded by queueLock
    private boolean committerIdle; // guarded by queueLock: the committer waits on queueLock for work
    private volatile long committedTicket;
    /**
     * Threads waiting for their write to commit. Each is woken only when its own ticket is committed: with one
     * monitor and notifyAll, every write and every commit woke every waiting request thread (at 64 clients the
     * Payara process made ~6.5 context switches per create and spent a fifth of its CPU in the kernel).
     */
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private volatile RuntimeException failure;
    private volatile boolean closed;
    private volatile boolean committerDone;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committedBatches = new AtomicLong();

    private record Pending(long ticket, List<DurableLog.RowChange> changes, WriteBatch batch) {
    }

    private record Waiter(long ticket, Thread thread) {
    }

    public JpaResourceStore(DurableLog log, Commit policy, ThreadFactory threads) {
        this.log = log;
        this.policy = policy;
        long max = 0;
        int n = 0;
        for (ResourceRow row : log.loadAll()) {
            memory.write(new WriteBatch().create(toResource(row)));
            max = Math.max(max, row.seq());
            n++;
        }
        seq.set(max);
        final int loaded = n;
        LOG.log(Level.INFO, () -> "CISS store: " + loaded + " resources loaded, commit policy " + policy);
        committer = threads.newThread(this::commitLoop);
        committer.setName("ciss-store-committer");
        committer.setDaemon(true);
        committer.start();
    }

    @Override
    public void write(WriteBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        RuntimeException failed = failure;
        if (failed != null) {
            throw new IllegalStateException("the CISS store failed to commit earlier and refuses writes", failed);
        }
        List<DurableLog.RowChange> changes = toRows(batch);
        long ticket;
        synchronized (queueLock) {
            if (closed) {
                throw new IllegalStateException("store closed");
            }
            ticket = nextTicket++;
            queue.add(new Pending(ticket, changes, policy == Commit.SYNC ? batch : null));
            if (committerIdle) {
                queueLock.notify(); // only the committer waits on this monitor
            }
        }
        if (policy == Commit.GROUP) {
            memory.write(batch); // under the engine's write lock: later requests see it
            lastTicket.set(ticket);
        } else {
            await(ticket);
        }
    }

    /**
     * Blocks until every batch this thread wrote is committed; call it before acknowledging a request.
     *
     * @throws IllegalStateException if the commit failed
     */
    public void awaitDurable() {
        long t = lastTicket.get();
        if (t > 0) {
            await(t);
        }
    }

    private void await(long ticket) {
        if (committedTicket >= ticket) {
            return;
        }
        Waiter me = new Waiter(ticket, Thread.currentThread());
        waiters.add(me);
        try {
            // the committer publishes committedTicket before it looks at the waiters, so a waiter it missed
            // sees the new value here; the timeout is only a backstop
            while (committedTicket < ticket) {
                if (failure != null) {
                    throw new IllegalStateException("the CISS store could not commit", failure);
                }
                if (committerDone) {
                    throw new IllegalStateException("store closed before the write committed");
                }
                LockSupport.parkNanos(this, 1_000_000_000L);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the commit");
                }
            }
        } finally {
            waiters.remove(me);
        }
    }

    /** Wakes the waiters whose writes are committed (all of them once the store failed or stopped). */
    private void wakeWaiters() {
        long done = committedTicket;
        boolean all = failure != null || committerDone;
        for (Waiter w : waiters) {
            if (all || w.ticket() <= done) {
                LockSupport.unpark(w.thread());
            }
        }
    }

    private void commitLoop() {
        try {
            commitUntilClosed();
        } finally {
            committerDone = true;
            wakeWaiters();
        }
    }

    private void commitUntilClosed() {
        while (true) {
            List<Pending> group;
            synchronized (queueLock) {
                while (queue.isEmpty() && !closed) {
                    committerIdle = true;
                    try {
                        queueLock.wait();
                    } catch (InterruptedException e) {
                        return;
                    } finally {
                        committerIdle = false;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                int n = Math.min(queue.size(), MAX_GROUP);
                group = new ArrayList<>(queue.subList(0, n));
                queue.subList(0, n).clear();
            }
            List<DurableLog.RowChange> all = new ArrayList<>();
            group.forEach(p -> all.addAll(p.changes()));
            try {
                log.commit(all);
                if (policy == Commit.SYNC) {
                    group.forEach(p -> memory.write(p.batch()));
                }
                commits.incrementAndGet();
                committedBatches.addAndGet(group.size());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "CISS store commit failed; the store refuses writes until restarted", e);
                failure = e;
            }
            if (failure == null) {
                committedTicket = group.get(group.size() - 1).ticket();
            }
            wakeWaiters();
            if (failure != null) {
                return;
            }
        }
    }

    private List<DurableLog.RowChange> toRows(WriteBatch batch) {
        List<DurableLog.RowChange> out = new ArrayList<>(batch.changes().size());
        for (WriteBatch.Change c : batch.changes()) {
            Resource r = c.resource();
            switch (c.kind()) {
                // the seq is taken here, under the engine's write lock, so it follows the creation order; the JSON
                // is written by the committer (resources are immutable once stored, see Resource)
                case CREATE -> out.add(DurableLog.RowChange.insert(c.ri(), r.type().ty(), seq.incrementAndGet(),
                        r.path(), () -> attrsText(r)));
                case UPDATE -> out.add(DurableLog.RowChange.update(c.ri(), r.type().ty(), r.path(),
                        () -> attrsText(r)));
                case DELETE -> out.add(DurableLog.RowChange.delete(c.ri()));
                default -> throw new IllegalStateException();
            }
        }
        return out;
    }

    private static String attrsText(Resource r) {
        return new String(Json.write(r.attrs()), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Resource toResource(ResourceRow row) {
        try {
            ObjectNode attrs = (ObjectNode) Json.readTree(row.attrs());
            return new Resource(ResourceType.fromTy(row.ty()), attrs, row.path());
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + row.ri() + " has unreadable attributes", e);
        }
    }

    /** The first commit failure, if any (readiness). */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Transactions committed and batches they carried (figures for the report and the metrics). */
    public long commits() {
        return commits.get();
    }

    public long committedBatches() {
        return committedBatches.get();
    }

    public Commit policy() {
        return policy;
    }

    /** Commits what is queued, then stops the committer. */
    @Override
    public void close() {
        synchronized (queueLock) {
            closed = true;
            queueLock.notify();
        }
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

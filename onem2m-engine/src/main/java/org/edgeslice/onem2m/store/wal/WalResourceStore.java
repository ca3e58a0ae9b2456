package org.edgeslice.onem2m.store.wal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.store.InMemoryResourceStore;
import org.edgeslice.onem2m.store.MemoryIndexedResourceStore;
import org.edgeslice.onem2m.store.ResourceStore;
import org.edgeslice.onem2m.store.WriteBatch;

/**
 * A durable {@link ResourceStore}: the resources live in an {@link InMemoryResourceStore}, and every
 * {@link WriteBatch} is first appended to an append-only log file ({@value #LOG_FILE} in the data directory).
 * On open the log is replayed; a damaged tail (the process died inside a write) is cut off. When the log holds
 * much more than the live data, it is compacted: rewritten as one record per live resource into a new file
 * that atomically replaces the old one.
 *
 * <p>Durability: see {@link FsyncPolicy}. The record is written to the file before {@link #write} returns under
 * every policy, so an acknowledged write survives kill -9.
 */
public final class WalResourceStore extends MemoryIndexedResourceStore {
    static final String LOG_FILE = "resources.wal";
    private static final System.Logger LOG = System.getLogger(WalResourceStore.class.getName());
    /** Compact when the log has this many records more than four times the live resources. */
    private static final long COMPACT_SLACK = 50_000;

    private final Path dir;
    private final Path logFile;
    private final FsyncPolicy policy;
    private final Object syncLock = new Object();
    private final ScheduledExecutorService flusher;
    private FileChannel channel;
    private long records;
    private volatile long writtenPosition;
    private long syncedPosition; // guarded by syncLock
    private volatile boolean closed;

    private WalResourceStore(Path dir, FsyncPolicy policy, long intervalMillis) throws IOException {
        this.dir = dir;
        this.logFile = dir.resolve(LOG_FILE);
        this.policy = policy;
        Files.createDirectories(dir);
        replay();
        if (records > 4L * memory.size() + 1000) {
            compact();
        } else {
            channel = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.position(channel.size());
            writtenPosition = channel.size();
            syncedPosition = writtenPosition;
        }
        if (policy == FsyncPolicy.INTERVAL) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "wal-fsync");
                t.setDaemon(true);
                return t;
            });
            flusher.scheduleWithFixedDelay(this::syncQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        } else {
            flusher = null;
        }
    }

    /**
     * Opens (creating if needed) the store in {@code dir} and replays its log.
     *
     * @param intervalMillis fsync period for {@link FsyncPolicy#INTERVAL}; ignored otherwise
     */
    public static WalResourceStore open(Path dir, FsyncPolicy policy, long intervalMillis) {
        try {
            return new WalResourceStore(dir, policy, intervalMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open resource log in " + dir, e);
        }
    }

    /** Streams the log (it may be larger than the heap of a small slice), stopping at the first damaged record. */
    private void replay() throws IOException {
        if (!Files.exists(logFile)) {
            return;
        }
        long size = Files.size(logFile);
        long good = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(logFile), 64 * 1024)) {
            byte[] line = new byte[4096];
            while (true) {
                int n = 0;
                int b;
                while ((b = in.read()) != -1 && b != '\n') {
                    if (n == line.length) {
                        line = java.util.Arrays.copyOf(line, n * 2);
                    }
                    line[n++] = (byte) b;
                }
                if (b == -1) {
                    break; // end of file; a last line without newline was never completely written
                }
                WriteBatch batch = WalCodec.decode(line, 0, n, ri -> memory.get(ri).orElse(null));
                if (batch == null) {
                    break; // damaged record: everything after it was never acknowledged
                }
                memory.write(batch);
                records++;
                good += n + 1;
            }
        }
        if (good < size) {
            LOG.log(Level.WARNING, "resource log {0}: dropping {1} damaged trailing bytes", logFile, size - good);
            try (FileChannel ch = FileChannel.open(logFile, StandardOpenOption.WRITE)) {
                ch.truncate(good);
                ch.force(true);
            }
        }
        LOG.log(Level.INFO, "resource log {0}: replayed {1} records, {2} resources", logFile, records, memory.size());
    }

    @Override
    public void write(WriteBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        long end;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("store closed");
            }
            // encoded here: a patch is computed against the memory this batch will be applied to, so it replays
            // onto the same state (the engine's write lock serializes writes anyway)
            byte[] line = WalCodec.encode(batch, ri -> memory.get(ri).orElse(null));
            try {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            } catch (IOException e) {
                // cut a partial record off, or every later record would sit behind a damaged one on replay
                try {
                    channel.truncate(writtenPosition);
                    channel.position(writtenPosition);
                } catch (IOException ignored) {
                    // the original failure is what matters
                }
                throw new UncheckedIOException("resource log write failed", e);
            }
            // log first, memory second: readers never see a change that is not in the log
            memory.write(batch);
            records++;
            end = writtenPosition + line.length;
            writtenPosition = end;
            if (records > 4L * memory.size() + COMPACT_SLACK) {
                try {
                    compact();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "resource log compaction failed; continuing with the long log", e);
                }
            }
        }
        if (policy == FsyncPolicy.ALWAYS) {
            syncTo(end);
        }
    }

    /** Group commit: one fsync covers every record written before it started. */
    private void syncTo(long position) {
        synchronized (syncLock) {
            if (syncedPosition >= position) {
                return;
            }
            long target = writtenPosition;
            try {
                channel.force(false);
            } catch (java.nio.channels.ClosedChannelException e) {
                return; // a concurrent compaction replaced the file after forcing everything to disk
            } catch (IOException e) {
                throw new UncheckedIOException("resource log fsync failed", e);
            }
            syncedPosition = target;
        }
    }

    private void syncQuietly() {
        try {
            if (!closed) {
                syncTo(writtenPosition);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "background fsync failed", e);
        }
    }

    /** Rewrites the log as one record per live resource; called with the monitor held (or from the constructor). */
    private void compact() throws IOException {
        Path tmp = dir.resolve(LOG_FILE + ".compact");
        List<Resource> all = memory.snapshotInCreationOrder();
        long size = 0;
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Resource r : all) {
                ByteBuffer buf = ByteBuffer.wrap(WalCodec.encode(new WriteBatch().create(r)));
                while (buf.hasRemaining()) {
                    size += out.write(buf);
                }
            }
            out.force(true);
        }
        if (channel != null) {
            channel.close();
        }
        Files.move(tmp, logFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true); // make the rename itself durable
        } catch (IOException ignored) {
            // some file systems cannot fsync a directory; the rename is still atomic
        }
        channel = FileChannel.open(logFile, StandardOpenOption.WRITE);
        channel.position(size);
        records = all.size();
        writtenPosition = size;
        synchronized (syncLock) {
            syncedPosition = size;
        }
    }

    /** Compacts the log now (normally it happens by itself). */
    public synchronized void compactNow() {
        try {
            compact();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records currently in the log file; for tests and metrics. */
    public synchronized long logRecords() {
        return records;
    }

    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (policy != FsyncPolicy.NEVER) {
                    channel.force(false);
                }
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing resource log", e);
            }
        }
    }
}

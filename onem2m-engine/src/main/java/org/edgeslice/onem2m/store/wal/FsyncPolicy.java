package org.edgeslice.onem2m.store.wal;

/**
 * When the write-ahead log is forced to the storage device. Every policy hands each record to the operating
 * system ({@code write(2)}) before the write is acknowledged, so an acknowledged write always survives a crash of
 * the process (kill -9); the policies differ only in what survives a crash of the machine.
 */
public enum FsyncPolicy {
    /** fsync before every acknowledgement (concurrent writers share one fsync: group commit). Survives power loss. */
    ALWAYS,
    /** fsync in the background every {@code intervalMillis}: at most that much is lost on power loss. */
    INTERVAL,
    /** Never fsync explicitly; the kernel writes back when it likes. */
    NEVER;

    public static FsyncPolicy parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}

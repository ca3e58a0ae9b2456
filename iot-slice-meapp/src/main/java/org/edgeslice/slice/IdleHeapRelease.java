package org.edgeslice.slice;

/**
 * Decides when a slice that has gone quiet gives the heap it grew under load back to the system. Under load the
 * heap grows early and the young generation takes half of it (runtime/slice-jvm.sh: fewer full collections), so
 * a slice that served a burst would otherwise idle with ~25 MB of heap it no longer needs. One full collection
 * once traffic stops lets the serial collector shrink the heap (MaxHeapFreeRatio, without ShrinkHeapInSteps) and
 * uncommit the rest. Asked once per housekeeping period with the number of requests served so far and the heap
 * the JVM has committed; answers true at most once per quiet spell: after a whole period without requests that
 * followed a period with some, and only if the heap grew past {@code threshold}, so a device reporting now and
 * then never costs a full collection per report.
 */
final class IdleHeapRelease {
    /** Twice the slice's initial heap (-Xms8m): below it there is little to give back. */
    static final long DEFAULT_THRESHOLD = 16L << 20;

    private final long threshold;
    private long lastSeen;
    private boolean busySinceRelease;

    IdleHeapRelease(long threshold) {
        this.threshold = threshold;
    }

    /**
     * @param requestsServed requests the slice has served since it started
     * @param committedHeap  the heap the JVM holds now ({@link Runtime#totalMemory()})
     * @return whether to collect now
     */
    boolean tick(long requestsServed, long committedHeap) {
        boolean quiet = requestsServed == lastSeen;
        lastSeen = requestsServed;
        if (!quiet) {
            busySinceRelease = true;
            return false;
        }
        if (!busySinceRelease) {
            return false;
        }
        busySinceRelease = false;
        return committedHeap > threshold;
    }
}

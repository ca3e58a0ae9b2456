package org.edgeslice.slice;

/**
 * Decides when a slice that has gone quiet gives the heap it grew under load back to the system. Under load the
 * heap grows early and the young generation takes half of it (runtime/slice-jvm.sh: fewer full collections), so
 * a slice that served a burst would otherwise idle with ~25 MB of heap it no longer needs. One full collection
 * once traffic stops lets the serial collector shrink the heap (MaxHeapFreeRatio, without ShrinkHeapInSteps) and
 * uncommit the rest. Asked once per housekeeping period with the number of requests served so far; answers true
 * once per quiet spell: after a whole period without requests that followed a period with some.
 */
final class IdleHeapRelease {
    private long lastSeen;
    private boolean busySinceRelease;

    /**
     * @param requestsServed requests the slice has served since it started
     * @return whether to collect now
     */
    boolean tick(long requestsServed) {
        boolean quiet = requestsServed == lastSeen;
        lastSeen = requestsServed;
        if (!quiet) {
            busySinceRelease = true;
            return false;
        }
        if (busySinceRelease) {
            busySinceRelease = false;
            return true;
        }
        return false;
    }
}

package org.edgeslice.slice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdleHeapReleaseTest {
    private static final long GROWN = 30L << 20;
    private static final long SMALL = 10L << 20;

    @Test
    void collectsOnceWhenTrafficStopsAndAgainOnlyAfterMoreTraffic() {
        IdleHeapRelease r = new IdleHeapRelease(IdleHeapRelease.DEFAULT_THRESHOLD);
        assertFalse(r.tick(0, GROWN), "a slice that never served anything has nothing to give back");
        assertFalse(r.tick(500, GROWN), "busy");
        assertFalse(r.tick(900, GROWN), "still busy");
        assertTrue(r.tick(900, GROWN), "the first quiet period after traffic");
        assertFalse(r.tick(900, GROWN), "once per quiet spell");
        assertFalse(r.tick(901, GROWN), "one request is traffic again");
        assertTrue(r.tick(901, GROWN));
    }

    @Test
    void aSmallHeapIsLeftAloneSoOccasionalReportsCostNoCollection() {
        IdleHeapRelease r = new IdleHeapRelease(IdleHeapRelease.DEFAULT_THRESHOLD);
        for (int report = 1; report <= 5; report++) {
            assertFalse(r.tick(report, SMALL), "a report");
            assertFalse(r.tick(report, SMALL), "quiet, but the heap did not grow");
        }
    }
}

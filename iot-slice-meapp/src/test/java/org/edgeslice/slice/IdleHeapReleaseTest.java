package org.edgeslice.slice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdleHeapReleaseTest {
    @Test
    void collectsOnceWhenTrafficStopsAndAgainOnlyAfterMoreTraffic() {
        IdleHeapRelease r = new IdleHeapRelease();
        assertFalse(r.tick(0), "a slice that never served anything has nothing to give back");
        assertFalse(r.tick(0));
        assertFalse(r.tick(500), "busy");
        assertFalse(r.tick(900), "still busy");
        assertTrue(r.tick(900), "the first quiet period after traffic");
        assertFalse(r.tick(900), "once per quiet spell");
        assertFalse(r.tick(900));
        assertFalse(r.tick(901), "one request is traffic again");
        assertTrue(r.tick(901));
    }
}

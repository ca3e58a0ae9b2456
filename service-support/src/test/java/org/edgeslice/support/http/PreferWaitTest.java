package org.edgeslice.support.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PreferWaitTest {

    @Test
    void readsTheWaitPreferenceAmongOthers() {
        assertEquals(5, PreferWait.seconds("wait=5", 60));
        assertEquals(10, PreferWait.seconds("return=minimal, wait=10", 60));
        assertEquals(2, PreferWait.seconds("respond-async; wait = 2", 60));
    }

    @Test
    void capsTheWaitAndIgnoresWhatIsNoWait() {
        assertEquals(60, PreferWait.seconds("wait=999999", 60));
        assertEquals(0, PreferWait.seconds(null, 60));
        assertEquals(0, PreferWait.seconds("return=representation", 60));
        assertEquals(0, PreferWait.seconds("nowait=5", 60));
    }
}

package org.edgeslice.mep.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromHalfASecondUpToAMinute() {
        assertEquals(Duration.ofMillis(500), Backoff.after(1));
        assertEquals(Duration.ofSeconds(1), Backoff.after(2));
        assertEquals(Duration.ofSeconds(2), Backoff.after(3));
        assertEquals(Duration.ofSeconds(32), Backoff.after(7));
        assertEquals(Duration.ofMinutes(1), Backoff.after(8));
        assertEquals(Duration.ofMinutes(1), Backoff.after(1000));
    }
}

package org.edgeslice.onem2m.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void formatsOneM2mBasicFormatWithMicroseconds() {
        assertEquals("20261126T233329,000007", Timestamps.format(Instant.parse("2026-11-26T23:33:29.000007Z")));
        assertEquals("20261126T233329,709626", Timestamps.format(Instant.parse("2026-11-26T23:33:29.709626Z")));
        assertEquals("20261126T233330,100000", Timestamps.format(Instant.parse("2026-11-26T23:33:30.1Z")));
    }

    @Test
    void parsesWithAndWithoutFraction() {
        assertEquals(Instant.parse("2026-11-26T23:33:29Z"), Timestamps.parse("20261126T233329"));
        assertEquals(Instant.parse("2026-11-26T23:33:29.5Z"), Timestamps.parse("20261126T233329,5"));
        assertThrows(Onem2mException.class, () -> Timestamps.parse("2026-11-26"));
    }
}

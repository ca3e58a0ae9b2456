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
    void formatsLikeTheIsoFormatterOverCenturiesAndLeapDays() {
        java.time.format.DateTimeFormatter iso = java.time.format.DateTimeFormatter
                .ofPattern("yyyyMMdd'T'HHmmss','SSSSSS").withZone(java.time.ZoneOffset.UTC);
        java.util.Random rnd = new java.util.Random(6);
        for (Instant i : new Instant[] {Instant.EPOCH, Instant.parse("2000-02-29T12:00:00Z"),
            Instant.parse("1900-03-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999Z"),
            Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("2100-02-28T23:59:59Z")}) {
            assertEquals(iso.format(i), Timestamps.format(i));
        }
        for (int k = 0; k < 100_000; k++) {
            Instant i = Instant.ofEpochSecond(rnd.nextLong() % 253_402_300_799L, rnd.nextInt(1_000_000_000));
            assertEquals(iso.format(i), Timestamps.format(i), i.toString());
        }
    }

    @Test
    void currentSecondIsTheSecondOfNow() {
        String before = Timestamps.now().substring(0, 15);
        String second = Timestamps.currentSecond();
        String after = Timestamps.now().substring(0, 15);
        assertEquals(15, second.length());
        org.junit.jupiter.api.Assertions.assertTrue(before.compareTo(second) <= 0 && second.compareTo(after) <= 0);
    }

    @Test
    void parsesWithAndWithoutFraction() {
        assertEquals(Instant.parse("2026-11-26T23:33:29Z"), Timestamps.parse("20261126T233329"));
        assertEquals(Instant.parse("2026-11-26T23:33:29.5Z"), Timestamps.parse("20261126T233329,5"));
        assertThrows(Onem2mException.class, () -> Timestamps.parse("2026-11-26"));
    }
}

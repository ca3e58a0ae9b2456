package org.edgeslice.evaluation.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryTest {
    private static double[] oneToHundred() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[99 - i] = i + 1; // descending on purpose: the summary must sort
        }
        return v;
    }

    @Test
    void percentilesInterpolateBetweenTheNearestRanks() {
        Summary s = Summary.ofMillis(oneToHundred());
        assertEquals(50.5, s.p50(), 1e-9);
        assertEquals(95.05, s.p95(), 1e-9);
        assertEquals(99.01, s.p99(), 1e-9);
        assertEquals(1, s.min());
        assertEquals(100, s.max());
        assertEquals(50.5, s.mean(), 1e-9);
        assertEquals(29.0115, s.stddev(), 1e-4); // sample standard deviation of 1..100
    }

    @Test
    void percentileEndsAreMinimumAndMaximum() {
        double[] sorted = {2, 4, 8};
        assertEquals(2, Summary.percentile(sorted, 0));
        assertEquals(8, Summary.percentile(sorted, 1));
        assertEquals(4, Summary.percentile(sorted, 0.5));
        assertEquals(6, Summary.percentile(sorted, 0.75));
    }

    @Test
    void oddAndEvenMediansMatchTheTextbook() {
        assertEquals(3, Summary.ofMillis(new double[] {5, 1, 3}).p50());
        assertEquals(2.5, Summary.ofMillis(new double[] {4, 1, 3, 2}).p50());
    }

    @Test
    void singleValueAndEmptySeries() {
        Summary one = Summary.ofMillis(new double[] {7});
        assertEquals(7, one.p50());
        assertEquals(7, one.p95());
        assertEquals(0, one.stddev());
        Summary none = Summary.ofMillis(new double[0]);
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.p50()));
    }

    @Test
    void nanosecondsBecomeMilliseconds() {
        Summary s = Summary.ofNanos(new long[] {1_000_000, 3_000_000});
        assertEquals(2.0, s.p50(), 1e-12);
        assertEquals(2.0, s.mean(), 1e-12);
    }

    @Test
    void inputIsNotReordered() {
        double[] v = {3, 1, 2};
        Summary.ofMillis(v);
        assertArrayEquals(new double[] {3, 1, 2}, v);
    }

    @Test
    void quantileOutsideTheUnitIntervalIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Summary.percentile(new double[] {1}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Summary.percentile(new double[] {1}, -0.1));
    }
}

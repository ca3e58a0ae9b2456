package org.edgeslice.evaluation.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.edgeslice.evaluation.stats.Summary;
import org.junit.jupiter.api.Test;

class SystemBenchLogicTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void levelsAddOnlyTheDifferenceToThePreviousLevel() {
        ScaleLevels l = ScaleLevels.parse("1,10,25,50");
        assertEquals(List.of(1, 9, 15, 25), List.of(l.toAdd(0), l.toAdd(1), l.toAdd(2), l.toAdd(3)));
        assertEquals(50, l.max());
    }

    @Test
    void levelsMustIncreaseAndFitTheHost() {
        assertThrows(IllegalArgumentException.class, () -> ScaleLevels.parse("10,10"));
        assertThrows(IllegalArgumentException.class, () -> ScaleLevels.parse("25,10"));
        assertThrows(IllegalArgumentException.class, () -> ScaleLevels.parse("1," + (ScaleLevels.MAX + 1)));
        assertThrows(IllegalArgumentException.class, () -> ScaleLevels.parse(""));
    }

    @Test
    void stepBreakdownCollectsEachStepOverRunsInProcedureOrder() throws Exception {
        StepBreakdown b = new StepBreakdown();
        b.add(JSON.readTree("{\"steps\":[{\"step\":\"01\",\"durationMs\":1},{\"step\":\"02\",\"durationMs\":0},"
                + "{\"step\":\"03-1\",\"durationMs\":400},{\"step\":\"14\"}]}"));
        b.add(JSON.readTree("{\"steps\":[{\"step\":\"01\",\"durationMs\":3},{\"step\":\"02\",\"durationMs\":2},"
                + "{\"step\":\"03-1\",\"durationMs\":600}]}"));
        Map<String, Summary> s = b.summaries();
        assertEquals(List.of("01", "02", "03-1"), List.copyOf(s.keySet()), "a step without duration is left out");
        assertEquals(500.0, s.get("03-1").p50(), 1e-9);
        assertEquals(2, s.get("01").n());
        assertEquals("01:1 02:0 03-1:400", StepBreakdown.line(JSON.readTree(
                "{\"steps\":[{\"step\":\"01\",\"durationMs\":1},{\"step\":\"02\",\"durationMs\":0},"
                        + "{\"step\":\"03-1\",\"durationMs\":400.4},{\"step\":\"14\"}]}")));
    }

    @Test
    void aStepNumberRecordedTwiceInOneRunCountsOnceWithTheSum() throws Exception {
        StepBreakdown b = new StepBreakdown();
        b.add(JSON.readTree("{\"steps\":[{\"step\":\"05\",\"durationMs\":10},{\"step\":\"05\",\"durationMs\":30}]}"));
        assertEquals(1, b.summaries().get("05").n());
        assertEquals(40.0, b.summaries().get("05").p50(), 1e-9);
    }

    @Test
    void dockerStatsLinesAreParsedWithBinaryAndDecimalUnits() {
        ContainerStats a = ContainerStats.parse("mepm-host-1-abc|47.5MiB / 128MiB|0.25%");
        assertEquals("mepm-host-1-abc", a.name());
        assertEquals(Math.round(47.5 * 1048576), a.memBytes());
        assertEquals(0.25, a.cpuPercent(), 1e-9);
        ContainerStats b = ContainerStats.parse("x|1.2GiB / 2GiB|101.5%");
        assertEquals(Math.round(1.2 * (1L << 30)), b.memBytes());
        assertEquals(512, ContainerStats.parse("y|512B / 128MiB|0.00%").memBytes());
        assertEquals(2000, ContainerStats.parse("z|2kB / 1MB|0%").memBytes());
        ContainerStats t = ContainerStats.total(List.of(a, b));
        assertEquals(a.memBytes() + b.memBytes(), t.memBytes());
        assertEquals(101.75, t.cpuPercent(), 1e-9);
    }

    @Test
    void malformedStatsLinesFailInsteadOfCountingZero() {
        assertThrows(IllegalArgumentException.class, () -> ContainerStats.parse("name 47MiB 0.2%"));
        assertThrows(IllegalArgumentException.class, () -> ContainerStats.parse("n|--|0%"));
    }

    @Test
    void onlyLoopbackUrlsAreAccepted() {
        assertEquals("http://127.0.0.1:1/x", SystemBench.loopback("http://127.0.0.1:1/x/"));
        assertThrows(IllegalArgumentException.class, () -> SystemBench.loopback("http://10.0.0.1:1/x"));
    }
}

package org.edgeslice.slice.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleLoggerTest {

    @Test
    void fillsNumberedPlaceholdersWithTheParameters() {
        assertEquals("resource log /d/r.wal: replayed 51 records, 50 resources",
                ConsoleLogger.fill("resource log {0}: replayed {1} records, {2} resources",
                        new Object[] {"/d/r.wal", 51, 50}));
        assertEquals("12345 and {0", ConsoleLogger.fill("{0} and {0", new Object[] {12345}),
                "numbers are written without grouping; an unclosed brace stays as written");
    }

    @Test
    void keepsWhatIsNotAPlaceholderOfAGivenParameter() {
        assertEquals("{} {x} {3} {12345} a", ConsoleLogger.fill("{} {x} {3} {12345} {0}", new Object[] {"a"}));
        assertEquals("null", ConsoleLogger.fill(null, new Object[] {"a"}));
    }

    @Test
    void writesOneLineWithIsoTimeLevelAndLoggerAndTheStackTraceAfterIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleLogger log = new ConsoleLogger("org.edgeslice.Test", Level.INFO, new PrintStream(bytes, true,
                StandardCharsets.UTF_8));
        log.log(Level.WARNING, "notification to {0} failed after {1} attempts", "http://127.0.0.1:1/n", 3);
        log.log(Level.ERROR, "boom", new IllegalStateException("cause"));
        log.log(Level.DEBUG, "below the threshold");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines[0].matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARNING org\\.edgeslice\\.Test: "
                + "notification to http://127\\.0\\.0\\.1:1/n failed after 3 attempts"), lines[0]);
        assertTrue(lines[1].endsWith(" ERROR org.edgeslice.Test: boom"), lines[1]);
        assertEquals("java.lang.IllegalStateException: cause", lines[2]);
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("below the threshold"));
    }

    @Test
    void isoTimeIsTheEngineTimestampReformatted() {
        assertEquals("2026-11-27T18:01:02.123Z", ConsoleLogger.iso("20261127T180102,123456"));
    }

    @Test
    void thresholdComesFromTheSettingAndDefaultsToInfo() {
        assertEquals(Level.INFO, ConsoleLoggerFinder.threshold(null));
        assertEquals(Level.DEBUG, ConsoleLoggerFinder.threshold(" debug "));
        assertEquals(Level.WARNING, ConsoleLoggerFinder.threshold("warn"));
        assertEquals(Level.INFO, ConsoleLoggerFinder.threshold("LOUD"), "an unknown level is reported and ignored");
        System.Logger off = new ConsoleLoggerFinder(Level.OFF).getLogger("x", getClass().getModule());
        assertFalse(off.isLoggable(Level.ERROR));
        System.Logger warn = new ConsoleLoggerFinder(Level.WARNING).getLogger("x", getClass().getModule());
        assertTrue(warn.isLoggable(Level.ERROR));
        assertFalse(warn.isLoggable(Level.INFO));
    }

    @Test
    void theJdkFindsThisFinderThroughTheServiceFile() {
        assertEquals(ConsoleLoggerFinder.class, System.LoggerFinder.getLoggerFinder().getClass());
    }
}

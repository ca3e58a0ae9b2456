package org.edgeslice.mepm.lcm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTailTest {

    @Test
    void keepsTheExceptionMessageAndCutsTheFramesBelowIt() {
        StringBuilder log = new StringBuilder("INFO starting\n");
        log.append("Exception in thread \"main\" Mp1Exception: POST /subscriptions: HTTP 403 not this app's\n");
        for (int i = 0; i < 60; i++) {
            log.append("\tat org.example.Frame").append(i).append(".call(Frame.java:").append(i).append(")\n");
        }
        log.append("Caused by: java.io.IOException: refused\n\tat a.B.c(B.java:1)\n");
        String tail = LogTail.essentials(log.toString());
        assertTrue(tail.contains("HTTP 403 not this app's"), tail);
        assertTrue(tail.contains("Frame1.call") && !tail.contains("Frame2.call"), tail);
        assertTrue(tail.contains("Caused by: java.io.IOException: refused"), tail);
    }

    @Test
    void boundsALongLogToItsEnd() {
        String tail = LogTail.essentials("x".repeat(5000) + "\nlast line");
        assertTrue(tail.length() <= LogTail.MAX_CHARS + 3, "length " + tail.length());
        assertTrue(tail.endsWith("last line"));
        assertFalse(tail.isEmpty());
    }
}

package org.edgeslice.slice.logging;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ResourceBundle;
import org.edgeslice.onem2m.common.Timestamps;

/**
 * One line per record on a stream: {@code <UTC ISO 8601 timestamp> <LEVEL> <logger>: <message>}, then the stack
 * trace of the throwable if any. Parameters fill {@code {0}}, {@code {1}}, ... as {@link String#valueOf}: the slice's
 * messages use only that part of {@link java.text.MessageFormat}, whose number formatting would load the locale
 * data for nothing.
 */
final class ConsoleLogger implements System.Logger {
    private final String name;
    private final Level threshold;
    private final PrintStream out;

    ConsoleLogger(String name, Level threshold, PrintStream out) {
        this.name = name;
        this.threshold = threshold;
        this.out = out;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return level != Level.OFF && threshold != Level.OFF && level.getSeverity() >= threshold.getSeverity();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (isLoggable(level)) {
            write(level, msg, thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            write(level, params == null || params.length == 0 ? format : fill(format, params), null);
        }
    }

    private void write(Level level, String message, Throwable thrown) {
        String line = iso(Timestamps.format(Instant.now())) + ' ' + level.getName() + ' ' + name + ": " + message;
        synchronized (out) { // the line and its stack trace together, not interleaved with another thread's
            out.println(line);
            if (thrown != null) {
                thrown.printStackTrace(out);
            }
        }
    }

    /**
     * {@code 20261127T180102,123456} (the engine's formatting, which needs no java.time formatter) as
     * {@code 2026-11-27T18:01:02.123Z}.
     */
    static String iso(String basic) {
        if (basic.length() < 19) {
            return basic; // years beyond 9999: as the engine wrote it
        }
        return basic.substring(0, 4) + '-' + basic.substring(4, 6) + '-' + basic.substring(6, 11) + ':'
                + basic.substring(11, 13) + ':' + basic.substring(13, 15) + '.' + basic.substring(16, 19) + 'Z';
    }

    /** {@code {n}} replaced by the n-th parameter; anything else, including a bad index, is kept as written. */
    static String fill(String format, Object[] params) {
        if (format == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(format.length() + 16 * params.length);
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int close = c == '{' ? format.indexOf('}', i + 1) : -1;
            int index = close > i + 1 && close - i <= 3 ? index(format, i + 1, close) : -1;
            if (index >= 0 && index < params.length) {
                b.append(params[index]);
                i = close + 1;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static int index(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}

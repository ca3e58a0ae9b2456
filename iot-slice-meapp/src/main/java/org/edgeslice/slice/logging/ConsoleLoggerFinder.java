package org.edgeslice.slice.logging;

import java.util.Locale;

/**
 * The slice's {@link System.LoggerFinder} (found through {@code META-INF/services}): every {@link System.Logger}
 * of the slice, the engine and the Mp1 client writes one line per record to standard error, which the container
 * engine keeps as the container's log.
 *
 * <p>Why not the JDK's default (java.util.logging): publishing one record through it loads the log manager, its
 * handlers, a stack walker for the caller and the java.time and java.util.Formatter classes of its formatter,
 * some 150 classes that stay resident in every slice, idle or not (docs/evaluation.md, "Slice idle RSS").
 *
 * <p>The threshold is the system property {@code slice.log.level} or the variable {@code SLICE_LOG_LEVEL}
 * ({@code TRACE}, {@code DEBUG}, {@code INFO} (default), {@code WARNING}, {@code ERROR}, {@code OFF}).
 */
public final class ConsoleLoggerFinder extends System.LoggerFinder {
    private final System.Logger.Level threshold;

    public ConsoleLoggerFinder() {
        this(threshold(System.getProperty("slice.log.level", System.getenv("SLICE_LOG_LEVEL"))));
    }

    ConsoleLoggerFinder(System.Logger.Level threshold) {
        this.threshold = threshold;
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new ConsoleLogger(name, threshold, System.err);
    }

    /** The level named by the setting; INFO when unset, and an unknown name is reported once and ignored. */
    static System.Logger.Level threshold(String setting) {
        if (setting == null || setting.isBlank()) {
            return System.Logger.Level.INFO;
        }
        String name = setting.trim().toUpperCase(Locale.ROOT);
        try {
            return System.Logger.Level.valueOf(name.equals("WARN") ? "WARNING" : name);
        } catch (IllegalArgumentException e) {
            System.err.println("slice.log.level: unknown level '" + setting + "'; using INFO");
            return System.Logger.Level.INFO;
        }
    }
}

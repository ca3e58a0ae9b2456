package org.edgeslice.slice.logging;

import io.netty.util.internal.logging.AbstractInternalLogger;
import io.netty.util.internal.logging.FormattingTuple;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.MessageFormatter;
import java.lang.System.Logger.Level;

/**
 * Netty's logging through {@link System.Logger}, so through the slice's {@link ConsoleLoggerFinder}. Without it
 * Netty, finding neither SLF4J nor Log4j, logs through java.util.logging, whose log manager would then be loaded in
 * every slice for the few lines Netty writes. Install with {@link #install()} before the first Netty class logs.
 */
public final class NettySystemLoggerFactory extends InternalLoggerFactory {
    private NettySystemLoggerFactory() {
    }

    /** Makes this Netty's default logger factory. */
    public static void install() {
        InternalLoggerFactory.setDefaultFactory(new NettySystemLoggerFactory());
    }

    @Override
    protected InternalLogger newInstance(String name) {
        return new SystemLogger(name, System.getLogger(name));
    }

    /** Netty's logger interface over a {@link System.Logger}; Netty's {@code {}} placeholders are filled here. */
    private static final class SystemLogger extends AbstractInternalLogger {
        private static final long serialVersionUID = 1L;
        private final transient System.Logger to;

        SystemLogger(String name, System.Logger to) {
            super(name);
            this.to = to;
        }

        private void log(Level level, String msg, Throwable t) {
            to.log(level, msg, t);
        }

        private void log(Level level, String format, Object... args) {
            if (to.isLoggable(level)) {
                FormattingTuple ft = MessageFormatter.arrayFormat(format, args);
                to.log(level, ft.getMessage(), ft.getThrowable());
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return to.isLoggable(Level.TRACE);
        }

        @Override
        public void trace(String msg) {
            log(Level.TRACE, msg, (Throwable) null);
        }

        @Override
        public void trace(String format, Object arg) {
            log(Level.TRACE, format, arg);
        }

        @Override
        public void trace(String format, Object a, Object b) {
            log(Level.TRACE, format, a, b);
        }

        @Override
        public void trace(String format, Object... args) {
            log(Level.TRACE, format, args);
        }

        @Override
        public void trace(String msg, Throwable t) {
            log(Level.TRACE, msg, t);
        }

        @Override
        public boolean isDebugEnabled() {
            return to.isLoggable(Level.DEBUG);
        }

        @Override
        public void debug(String msg) {
            log(Level.DEBUG, msg, (Throwable) null);
        }

        @Override
        public void debug(String format, Object arg) {
            log(Level.DEBUG, format, arg);
        }

        @Override
        public void debug(String format, Object a, Object b) {
            log(Level.DEBUG, format, a, b);
        }

        @Override
        public void debug(String format, Object... args) {
            log(Level.DEBUG, format, args);
        }

        @Override
        public void debug(String msg, Throwable t) {
            log(Level.DEBUG, msg, t);
        }

        @Override
        public boolean isInfoEnabled() {
            return to.isLoggable(Level.INFO);
        }

        @Override
        public void info(String msg) {
            log(Level.INFO, msg, (Throwable) null);
        }

        @Override
        public void info(String format, Object arg) {
            log(Level.INFO, format, arg);
        }

        @Override
        public void info(String format, Object a, Object b) {
            log(Level.INFO, format, a, b);
        }

        @Override
        public void info(String format, Object... args) {
            log(Level.INFO, format, args);
        }

        @Override
        public void info(String msg, Throwable t) {
            log(Level.INFO, msg, t);
        }

        @Override
        public boolean isWarnEnabled() {
            return to.isLoggable(Level.WARNING);
        }

        @Override
        public void warn(String msg) {
            log(Level.WARNING, msg, (Throwable) null);
        }

        @Override
        public void warn(String format, Object arg) {
            log(Level.WARNING, format, arg);
        }

        @Override
        public void warn(String format, Object a, Object b) {
            log(Level.WARNING, format, a, b);
        }

        @Override
        public void warn(String format, Object... args) {
            log(Level.WARNING, format, args);
        }

        @Override
        public void warn(String msg, Throwable t) {
            log(Level.WARNING, msg, t);
        }

        @Override
        public boolean isErrorEnabled() {
            return to.isLoggable(Level.ERROR);
        }

        @Override
        public void error(String msg) {
            log(Level.ERROR, msg, (Throwable) null);
        }

        @Override
        public void error(String format, Object arg) {
            log(Level.ERROR, format, arg);
        }

        @Override
        public void error(String format, Object a, Object b) {
            log(Level.ERROR, format, a, b);
        }

        @Override
        public void error(String format, Object... args) {
            log(Level.ERROR, format, args);
        }

        @Override
        public void error(String msg, Throwable t) {
            log(Level.ERROR, msg, t);
        }
    }
}

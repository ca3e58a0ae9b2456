package org.edgeslice.evaluation.wan;

import java.net.InetSocketAddress;

/**
 * What the WAN emulator does: accept TCP on {@code listen}, connect each accepted connection to {@code target}, and
 * hold every chunk of data, in each direction, for half the round-trip time (plus jitter) before passing it on.
 *
 * @param oneWayDelayNanos delay added to each direction (half the emulated RTT)
 * @param jitterNanos      each chunk's delay is drawn uniformly from [delay - jitter, delay + jitter] (at least 0);
 *                         order is preserved anyway, so a late chunk holds back the ones behind it, as a FIFO link does
 * @param seed             seed of the jitter's random numbers (reproducible runs)
 */
public record WanSettings(InetSocketAddress listen, InetSocketAddress target, long oneWayDelayNanos, long jitterNanos,
                          long seed) {
    public WanSettings {
        if (oneWayDelayNanos < 0 || jitterNanos < 0) {
            throw new IllegalArgumentException("delay and jitter must be >= 0");
        }
        requireLoopback(listen, "listen");
        requireLoopback(target, "target");
    }

    /** Emulates a path with the given round-trip time: each direction gets half of it. */
    public static WanSettings rtt(InetSocketAddress listen, InetSocketAddress target, double rttMillis,
                                  double jitterMillis) {
        return new WanSettings(listen, target, Math.round(rttMillis * 1e6 / 2), Math.round(jitterMillis * 1e6), 42);
    }

    public double rttMillis() {
        return 2 * oneWayDelayNanos / 1e6;
    }

    /** Benchmark traffic stays on this machine: both ends must be loopback addresses. */
    private static void requireLoopback(InetSocketAddress a, String what) {
        if (a == null || a.getAddress() == null || !a.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException(what + " must be a loopback address (127.0.0.0/8 or ::1), got " + a);
        }
    }
}

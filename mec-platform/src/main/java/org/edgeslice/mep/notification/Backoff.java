package org.edgeslice.mep.notification;

import java.time.Duration;

/** Exponential backoff for notification retries: 0.5 s, 1 s, 2 s, ... capped at one minute. */
public final class Backoff {

    static final Duration FIRST = Duration.ofMillis(500);
    static final Duration MAX = Duration.ofMinutes(1);

    private Backoff() {
    }

    /** The wait before the next attempt after {@code failedAttempts} failures (at least 1). */
    public static Duration after(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 20));
        Duration d = FIRST.multipliedBy(1L << doublings);
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}

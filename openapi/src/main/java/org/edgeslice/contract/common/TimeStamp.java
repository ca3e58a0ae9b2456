package org.edgeslice.contract.common;

import java.time.Instant;

/** ETSI MEC {@code TimeStamp}: seconds and nanoseconds since the UNIX epoch (MEC 010-2 and MEC 011). */
public record TimeStamp(long seconds, int nanoSeconds) {

    public static TimeStamp of(Instant instant) {
        return new TimeStamp(instant.getEpochSecond(), instant.getNano());
    }

    public static TimeStamp now() {
        return of(Instant.now());
    }

    public Instant toInstant() {
        return Instant.ofEpochSecond(seconds, nanoSeconds);
    }
}

package org.edgeslice.onem2m.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** oneM2M basic ISO 8601 timestamps {@code 20261126T233329,709626} (TS-0004 §6.3.3 "m2m:timestamp"), always UTC. */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss','SSSSSS")
            .withZone(ZoneOffset.UTC);
    // Accepts both "20261126T233329" and "20261126T233329,709626" (fraction optional, 1..9 digits).
    private static final DateTimeFormatter PARSE = new DateTimeFormatterBuilder()
            .appendPattern("yyyyMMdd'T'HHmmss")
            .optionalStart().appendLiteral(',').appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false).optionalEnd()
            .optionalStart().appendLiteral('.').appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false).optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    /** The formatted second most recently seen, so the common case only appends the microseconds. */
    private record SecondCache(long epochSecond, String prefix) {
    }

    private static volatile SecondCache cache = new SecondCache(Long.MIN_VALUE, "");

    public static String format(Instant instant) {
        long sec = instant.getEpochSecond();
        SecondCache c = cache;
        if (c.epochSecond != sec) {
            c = new SecondCache(sec, FORMAT.format(instant).substring(0, 15));
            cache = c;
        }
        int micros = instant.getNano() / 1000;
        StringBuilder sb = new StringBuilder(22).append(c.prefix).append(',');
        String m = Integer.toString(micros);
        for (int i = m.length(); i < 6; i++) {
            sb.append('0');
        }
        return sb.append(m).toString();
    }

    public static String now() {
        return format(Instant.now());
    }

    /** @throws Onem2mException BAD_REQUEST if the text is not a oneM2M timestamp */
    public static Instant parse(String text) {
        try {
            return LocalDateTime.parse(text, PARSE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw Onem2mException.badRequest("invalid timestamp: " + text);
        }
    }
}

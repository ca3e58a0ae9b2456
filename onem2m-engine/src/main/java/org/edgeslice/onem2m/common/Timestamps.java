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

    public static String format(Instant instant) {
        return FORMAT.format(instant);
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

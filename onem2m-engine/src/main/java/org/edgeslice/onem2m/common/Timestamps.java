package org.edgeslice.onem2m.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** oneM2M basic ISO 8601 timestamps {@code 20261126T233329,709626} (TS-0004 §6.3.3 "m2m:timestamp"), always UTC. */
public final class Timestamps {
    /**
     * The formatters, built on first use only: most requests never need them (see {@link #format}), and building
     * them loads some 60 java.time classes, resident in every slice even when idle.
     */
    private static final class Formatters {
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss','SSSSSS")
                .withZone(ZoneOffset.UTC);
        // Accepts both "20261126T233329" and "20261126T233329,709626" (fraction optional, 1..9 digits).
        private static final DateTimeFormatter PARSE = new DateTimeFormatterBuilder()
                .appendPattern("yyyyMMdd'T'HHmmss")
                .optionalStart().appendLiteral(',')
                .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false).optionalEnd()
                .optionalStart().appendLiteral('.')
                .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false).optionalEnd()
                .toFormatter();
    }

    private Timestamps() {
    }

    public static String format(Instant instant) {
        long sec = instant.getEpochSecond();
        long days = Math.floorDiv(sec, 86_400L);
        int secOfDay = (int) Math.floorMod(sec, 86_400L);
        // civil date from days since 1970-01-01 (proleptic Gregorian, H. Hinnant's days_from_civil inverse):
        // DateTimeFormatter costs several microseconds per call, and every CREATE formats two timestamps
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1 || year > 9999) {
            return Formatters.FORMAT.format(instant); // outside years 1-9999: the formatter's era and sign rules
        }
        byte[] b = new byte[22];
        digits(b, 0, (int) year, 4);
        digits(b, 4, month, 2);
        digits(b, 6, day, 2);
        b[8] = 'T';
        digits(b, 9, secOfDay / 3600, 2);
        digits(b, 11, secOfDay / 60 % 60, 2);
        digits(b, 13, secOfDay % 60, 2);
        b[15] = ',';
        digits(b, 16, instant.getNano() / 1000, 6);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] b, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The current second and its text, {@code yyyyMMdd'T'HHmmss}. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second second = new Second(Long.MIN_VALUE, "");

    /**
     * The current time to the second, {@code 20261126T233329}: what second-resolution checks ({@code et}) compare
     * against. Formatted once per second, not once per request.
     */
    public static String currentSecond() {
        long now = Math.floorDiv(System.currentTimeMillis(), 1000L);
        Second s = second;
        if (s.epochSecond != now) {
            s = new Second(now, format(Instant.ofEpochSecond(now)).substring(0, 15));
            second = s;
        }
        return s.text;
    }

    public static String now() {
        return format(Instant.now());
    }

    /** @throws Onem2mException BAD_REQUEST if the text is not a oneM2M timestamp */
    public static Instant parse(String text) {
        try {
            return LocalDateTime.parse(text, Formatters.PARSE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw Onem2mException.badRequest("invalid timestamp: " + text);
        }
    }
}

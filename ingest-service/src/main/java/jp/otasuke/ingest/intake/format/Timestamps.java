package jp.otasuke.ingest.intake.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The time formats the sources write: ISO-8601 with offsets written without a colon ({@code +0900}),
 * epoch seconds, milliseconds or nanoseconds, and zoneless local times, which are read in the sensor's
 * zone (Japan: devices of Japanese SMEs keep local time).
 */
public final class Timestamps {

    /** Where a zoneless device time is read. */
    public static final ZoneId DEVICE_ZONE = ZoneId.of("Asia/Tokyo");

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[' ']['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter TEXT = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM d yyyy HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter(Locale.ENGLISH);

    private Timestamps() {
    }

    /** ISO-8601 with an offset ("+0000", "+09:00", "Z"); null when it is not one. */
    public static Instant iso(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(withOffsetColon(text.trim())).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Epoch seconds (with a fraction), milliseconds, microseconds or nanoseconds, told apart by size. */
    public static Instant epoch(String text) {
        if (text == null || !text.matches("\\d{9,19}(\\.\\d+)?")) {
            return null;
        }
        if (text.contains(".")) {
            String[] parts = text.split("\\.");
            String nanos = (parts[1] + "000000000").substring(0, 9);
            return Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(nanos));
        }
        long value = Long.parseLong(text);
        return switch (text.length()) {
            case 9, 10, 11 -> Instant.ofEpochSecond(value);
            case 12, 13, 14 -> Instant.ofEpochMilli(value);
            case 15, 16, 17 -> Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1_000);
            default -> Instant.ofEpochSecond(value / 1_000_000_000, value % 1_000_000_000);
        };
    }

    /** "2019-02-27 12:55:40" (with or without " UTC"), read in {@code zone} unless it says UTC. */
    public static Instant local(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.trim();
        ZoneId z = zone;
        if (s.endsWith(" UTC") || s.endsWith(" GMT")) {
            s = s.substring(0, s.length() - 4);
            z = ZoneOffset.UTC;
        }
        try {
            return LocalDateTime.parse(s, LOCAL).atZone(z).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s, TEXT).atZone(z).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Any of the above. */
    public static Instant any(String text) {
        Instant t = iso(text);
        if (t == null) {
            t = epoch(text);
        }
        if (t == null) {
            t = local(text, DEVICE_ZONE);
        }
        return t;
    }

    /** A numeric offset such as "-0700" or "+09:00" as a zone; null when absent or unreadable. */
    public static ZoneId offset(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ZoneOffset.of(withOffsetColon(text.trim()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * "…+0900" → "…+09:00": the offsets sources write without a colon, which java.time does not read. No
     * regular expression: this runs for every alert.
     */
    private static String withOffsetColon(String s) {
        int n = s.length();
        int sign = n - 5;
        if (sign >= 0 && (s.charAt(sign) == '+' || s.charAt(sign) == '-') && Character.isDigit(s.charAt(n - 4))
                && Character.isDigit(s.charAt(n - 3)) && Character.isDigit(s.charAt(n - 2)) && Character.isDigit(s.charAt(n - 1))) {
            return s.substring(0, n - 2) + ":" + s.substring(n - 2);
        }
        return s;
    }
}

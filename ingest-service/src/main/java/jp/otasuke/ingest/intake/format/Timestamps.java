package jp.otasuke.ingest.intake.format;

import java.time.DateTimeException;
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
        String s = text.trim();
        Instant usual = isoInTheUsualShape(s);
        return usual != null ? usual : isoByJavaTime(s);
    }

    static Instant isoByJavaTime(String s) {
        try {
            return OffsetDateTime.parse(withOffsetColon(s)).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The shape nearly every source writes, "2022-07-12T06:22:33.415742+0000" (fraction optional, offset with or
     * without its colon, or "Z"), read without java.time's formatter, which was a twentieth of the Suricata path's
     * CPU (JFR, 2026-12-06). Null for any other shape and for a date or time that does not exist, which the formatter
     * then reads or refuses as before ({@code TimestampsTest} holds the two to the same answers).
     */
    static Instant isoInTheUsualShape(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (s.charAt(i) == '.') {
            int first = ++i;
            while (i < n && i - first < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nano = nano * 10 + (s.charAt(i++) - '0');
            }
            if (i == first) {
                return null;
            }
            for (int d = i - first; d < 9; d++) {
                nano *= 10;
            }
        }
        if (i == n) {
            return null; // no offset
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if ((s.charAt(i) == '+' || s.charAt(i) == '-') && (n - i == 5 || n - i == 6 && s.charAt(i + 3) == ':')) {
            int hours = digits(s, i + 1, 2);
            int minutes = digits(s, n - 2, 2);
            if (hours < 0 || minutes < 0 || minutes > 59) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nano)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            return null; // 30 February, 24:00, +19:00: not a time
        }
    }

    /** The number written by {@code count} ASCII digits at {@code from}; -1 when one of them is no digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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

package jp.otasuke.dispatch.engineer;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** An engineer's weekly shift in Japan time, e.g. MON–FRI 09:00–18:00. Work must start and end inside one shift. */
public record Shift(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final int DAYS_AHEAD = 14;

    public Shift {
        days = Set.copyOf(days);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a shift starts before it ends (overnight shifts are two shifts)");
        }
    }

    /**
     * The earliest moment at or after {@code ready} when {@code work} fits in a shift, or null when it fits in none
     * of the next two weeks.
     */
    public Instant earliestStart(Instant ready, Duration work) {
        ZonedDateTime at = ready.atZone(JAPAN);
        LocalDate day = at.toLocalDate();
        for (int i = 0; i <= DAYS_AHEAD; i++, day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime opens = day.atTime(start).atZone(JAPAN);
            ZonedDateTime closes = day.atTime(end).atZone(JAPAN);
            ZonedDateTime begin = at.isAfter(opens) ? at : opens;
            if (!begin.plus(work).isAfter(closes)) {
                return begin.toInstant();
            }
        }
        return null;
    }

    /**
     * The shift's opening and closing instants (epoch seconds, pairs) from the day of {@code from} on, for two
     * weeks: what the solver checks millions of times, computed once per route.
     */
    public long[] windows(Instant from) {
        ZonedDateTime at = from.atZone(JAPAN);
        LocalDate day = at.toLocalDate();
        long[] windows = new long[2 * (DAYS_AHEAD + 1)];
        int n = 0;
        for (int i = 0; i <= DAYS_AHEAD; i++, day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                windows[n++] = day.atTime(start).atZone(JAPAN).toEpochSecond();
                windows[n++] = day.atTime(end).atZone(JAPAN).toEpochSecond();
            }
        }
        return java.util.Arrays.copyOf(windows, n);
    }

    /** The earliest start at or after {@code ready} (epoch seconds) that fits {@code work} seconds in a window; -1 if none. */
    public static long earliestStart(long[] windows, long ready, long work) {
        for (int i = 0; i < windows.length; i += 2) {
            long begin = Math.max(ready, windows[i]);
            if (begin + work <= windows[i + 1]) {
                return begin;
            }
        }
        return -1;
    }

    /** Whether {@code from}..{@code to} lies inside one shift. */
    public boolean covers(Instant from, Instant to) {
        Instant start = earliestStart(from, Duration.between(from, to));
        return from.equals(start);
    }
}

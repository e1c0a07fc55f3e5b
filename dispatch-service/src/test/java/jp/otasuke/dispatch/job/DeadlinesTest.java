package jp.otasuke.dispatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import jp.otasuke.common.events.Enums.Urgency;

class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines(Duration.ofHours(4), LocalTime.NOON);

    @Test
    void immediateMeansWithinFourHours() {
        Instant requested = Instant.parse("2026-11-25T01:00:00Z");
        assertEquals(Instant.parse("2026-11-25T05:00:00Z"), deadlines.of(Urgency.IMMEDIATE, requested));
    }

    @Test
    void nextBusinessDayMeansNoonJapanTimeOfTheNextWeekday() {
        // Wednesday 23:30 JST → Thursday 12:00 JST
        assertEquals(Instant.parse("2026-11-26T03:00:00Z"),
                deadlines.of(Urgency.NEXT_BUSINESS_DAY, Instant.parse("2026-11-25T14:30:00Z")));
        // Friday 10:00 JST → Monday 12:00 JST
        assertEquals(Instant.parse("2026-11-30T03:00:00Z"),
                deadlines.of(Urgency.NEXT_BUSINESS_DAY, Instant.parse("2026-11-27T01:00:00Z")));
    }
}

package jp.otasuke.dispatch.job;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import jp.otasuke.common.events.Enums.Urgency;
import jp.otasuke.dispatch.engineer.Shift;

/**
 * When an engineer must be on site: IMMEDIATE within a few hours of the request; NEXT_BUSINESS_DAY by noon
 * (Japan time) of the next weekday after the request.
 */
public record Deadlines(Duration immediateWithin, LocalTime nextBusinessDayBy) {

    public Instant of(Urgency urgency, Instant requestedAt) {
        if (urgency == Urgency.IMMEDIATE) {
            return requestedAt.plus(immediateWithin);
        }
        LocalDate day = requestedAt.atZone(Shift.JAPAN).toLocalDate().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(nextBusinessDayBy).atZone(Shift.JAPAN).toInstant();
    }
}

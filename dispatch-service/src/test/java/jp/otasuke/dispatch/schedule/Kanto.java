package jp.otasuke.dispatch.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import jp.otasuke.dispatch.engineer.Shift;
import jp.otasuke.dispatch.travel.GeoPoint;
import jp.otasuke.dispatch.travel.GreatCircleTravel;
import jp.otasuke.dispatch.travel.TravelTimes;

/** Places and people of the Kanto area for schedule tests. */
final class Kanto {

    static final GeoPoint SHINJUKU = new GeoPoint(35.6900, 139.7000);
    static final GeoPoint YOKOHAMA = new GeoPoint(35.4660, 139.6220);
    static final GeoPoint OMIYA = new GeoPoint(35.9060, 139.6240);
    static final GeoPoint CHIBA = new GeoPoint(35.6070, 140.1060);
    static final TravelTimes TRAVEL = new GreatCircleTravel(1.3, 30);
    /** A Wednesday, 10:00 in Japan. */
    static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
    static final Shift ALWAYS = new Shift(EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.of(23, 59));
    static final Shift WEEKDAYS = new Shift(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));

    private Kanto() {
    }

    static Technician engineer(String name, GeoPoint home, Shift shift, String... skills) {
        return new Technician(UUID.randomUUID(), name, home, Set.of(skills), shift);
    }

    static Visit job(GeoPoint site, Duration within, String... skills) {
        return new Visit(UUID.randomUUID(), site, Set.of(skills), NOW.plus(within), 10, Duration.ofHours(1), Set.of());
    }
}

package jp.otasuke.dispatch.schedule;

import java.util.Set;
import java.util.UUID;
import jp.otasuke.dispatch.engineer.Shift;
import jp.otasuke.dispatch.travel.GeoPoint;

/** An engineer as the schedule sees them: where they start, what they can do, when they work. */
public record Technician(UUID id, String name, GeoPoint home, Set<String> skills, Shift shift) {

    public Technician {
        skills = Set.copyOf(skills);
    }

    private static final java.util.Map<String, java.time.DayOfWeek> DAYS = java.util.Map.of("MON", java.time.DayOfWeek.MONDAY,
            "TUE", java.time.DayOfWeek.TUESDAY, "WED", java.time.DayOfWeek.WEDNESDAY, "THU", java.time.DayOfWeek.THURSDAY,
            "FRI", java.time.DayOfWeek.FRIDAY, "SAT", java.time.DayOfWeek.SATURDAY, "SUN", java.time.DayOfWeek.SUNDAY);

    /** The engineer as onboarded: home, skills and weekly shift. */
    public static Technician of(jp.otasuke.dispatch.engineer.Engineer engineer) {
        Set<java.time.DayOfWeek> days = new java.util.HashSet<>();
        engineer.shiftDays.forEach(d -> days.add(DAYS.get(d)));
        return new Technician(engineer.id, engineer.name, new GeoPoint(engineer.homeLatitude, engineer.homeLongitude),
                new java.util.HashSet<>(engineer.skills), new Shift(days, engineer.shiftStart, engineer.shiftEnd));
    }

    public boolean canDo(Set<String> required) {
        return skills.containsAll(required);
    }
}

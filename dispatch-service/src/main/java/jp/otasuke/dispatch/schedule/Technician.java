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

    public boolean canDo(Set<String> required) {
        return skills.containsAll(required);
    }
}

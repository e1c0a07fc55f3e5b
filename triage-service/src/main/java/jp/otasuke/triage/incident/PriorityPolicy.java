package jp.otasuke.triage.incident;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.Enums.Severity;

/**
 * The priority rules of API.md: the highest severity decides (CRITICAL P1, HIGH P2, MEDIUM P3, LOW P4);
 * ransomware and exfiltration are at least P2; three or more hosts raise it one step; it never drops by
 * itself.
 */
public final class PriorityPolicy {

    static final int HOSTS_THAT_RAISE = 3;

    private PriorityPolicy() {
    }

    /** What one alert alone is worth. */
    public static Priority of(AlertCategory category, Severity severity) {
        Priority bySeverity = switch (severity) {
            case CRITICAL -> Priority.P1;
            case HIGH -> Priority.P2;
            case MEDIUM -> Priority.P3;
            case LOW -> Priority.P4;
        };
        boolean mustNotWait = category == AlertCategory.RANSOMWARE || category == AlertCategory.EXFILTRATION;
        return mustNotWait ? higher(bySeverity, Priority.P2) : bySeverity;
    }

    /** The incident's priority from its alerts' best priority and how many hosts it spans; never below {@code current}. */
    public static Priority of(Priority current, Priority bestOfAlerts, int hosts) {
        Priority spread = hosts >= HOSTS_THAT_RAISE ? raised(bestOfAlerts) : bestOfAlerts;
        return current == null ? spread : higher(current, spread);
    }

    public static Priority higher(Priority a, Priority b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    static Priority raised(Priority priority) {
        return priority == Priority.P1 ? Priority.P1 : Priority.values()[priority.ordinal() - 1];
    }
}

package jp.otasuke.triage.incident;

import java.util.EnumSet;
import java.util.Set;

/**
 * OPEN → ACKNOWLEDGED → ONSITE_REQUESTED → ONSITE_IN_PROGRESS → RESOLVED → CLOSED (on-site steps optional); an
 * active incident merged into another ends as MERGED.
 */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, ONSITE_REQUESTED, ONSITE_IN_PROGRESS, RESOLVED, CLOSED, MERGED;

    /** The statuses in which an incident still takes new alerts. */
    public static final Set<IncidentStatus> ACTIVE = EnumSet.of(OPEN, ACKNOWLEDGED, ONSITE_REQUESTED, ONSITE_IN_PROGRESS);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}

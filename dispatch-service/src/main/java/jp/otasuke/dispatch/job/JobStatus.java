package jp.otasuke.dispatch.job;

import java.util.EnumSet;
import java.util.Set;

/** UNASSIGNED → ASSIGNED → ACCEPTED → EN_ROUTE → ON_SITE → COMPLETED; CANCELLED ends it early. */
public enum JobStatus {
    UNASSIGNED, ASSIGNED, ACCEPTED, EN_ROUTE, ON_SITE, COMPLETED, CANCELLED;

    /** Jobs the schedule still plans. */
    public static final Set<JobStatus> PLANNED = EnumSet.of(UNASSIGNED, ASSIGNED, ACCEPTED, EN_ROUTE, ON_SITE);
    /** Jobs the engineer is committed to: pinned in their route, never taken away by re-planning. */
    public static final Set<JobStatus> COMMITTED = EnumSet.of(ACCEPTED, EN_ROUTE, ON_SITE);
    /** Jobs a resolved incident cancels: nobody is on site yet. */
    public static final Set<JobStatus> BEFORE_ARRIVAL = EnumSet.of(UNASSIGNED, ASSIGNED, ACCEPTED, EN_ROUTE);

    /** The further of two statuses along the path: an action never moves a job backwards. */
    static JobStatus furthest(JobStatus a, JobStatus b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}

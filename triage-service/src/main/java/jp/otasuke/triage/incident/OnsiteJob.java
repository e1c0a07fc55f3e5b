package jp.otasuke.triage.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The incident's on-site job, as dispatch last reported it: a copy kept for the queue and the incident page
 * (dispatch owns the job). Its columns change together, from dispatch's events, never from the SOC's steps.
 */
@Embeddable
public class OnsiteJob {

    private static final List<String> ENGINEER_COMING = List.of("ACCEPTED", "EN_ROUTE", "ON_SITE", "COMPLETED");
    private static final List<String> ARRIVING = List.of("ASSIGNED", "ACCEPTED", "EN_ROUTE");

    @Column(name = "job_id")
    public UUID id;
    @Column(name = "job_status")
    public String status;
    @Column(name = "job_eta")
    public Instant eta;
    @Column(name = "engineer_name")
    public String engineerName;
    /** When the engineer must be there (dispatch's deadline for the job's urgency). */
    @Column(name = "job_deadline")
    public Instant deadline;
    /** Why no engineer can take it as it stands, in dispatch's words; null when one can. */
    @Column(name = "job_unassignable_reason")
    public String unassignableReason;
    /** The same as dispatch's message key and facts, so the SOC reads it in its language (null on older rows). */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "job_unassignable_because")
    public java.util.Map<String, Object> unassignableBecause;

    /** The job after a move: a new status, and the ETA and engineer when the event names them. */
    static OnsiteJob moved(OnsiteJob before, UUID id, String status, Instant eta, String engineer) {
        OnsiteJob job = before == null ? new OnsiteJob() : before;
        job.id = id;
        job.status = status;
        job.unassignableReason = null;
        job.unassignableBecause = null;
        if (eta != null) {
            job.eta = eta;
        }
        if (engineer != null) {
            job.engineerName = engineer;
        }
        return job;
    }

    /** Dispatch made the job, with the deadline it must meet. */
    static OnsiteJob created(OnsiteJob before, UUID id, Instant deadline) {
        OnsiteJob job = moved(before, id, "UNASSIGNED", null, null);
        job.deadline = deadline;
        return job;
    }

    static OnsiteJob unassignable(OnsiteJob before, UUID id, String reason, jp.otasuke.common.text.Sentence because) {
        OnsiteJob job = before == null ? new OnsiteJob() : before;
        job.id = id;
        job.unassignableReason = reason;
        job.unassignableBecause = because == null ? null : because.asStored();
        return job;
    }

    /** Why nobody can take it, in the reader's words where the SOC's texts have them, else dispatch's English. */
    public String unassignableReason(java.util.Locale locale) {
        if (unassignableReason == null) {
            return null;
        }
        return jp.otasuke.triage.timeline.SocLine.reason(unassignableBecause, locale).orElse(unassignableReason);
    }

    /** How many minutes after the deadline the engineer is expected, while they are still to arrive; null when on time. */
    public Long lateByMinutes() {
        return status != null && ARRIVING.contains(status) ? jp.otasuke.common.time.Lateness.minutesLate(deadline, eta) : null;
    }

    boolean engineerIsComing() {
        return ENGINEER_COMING.contains(status);
    }
}

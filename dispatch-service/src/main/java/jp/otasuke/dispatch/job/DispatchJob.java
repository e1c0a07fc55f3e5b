package jp.otasuke.dispatch.job;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.events.CostLine;
import jp.otasuke.common.events.Enums.Urgency;
import jp.otasuke.common.events.IncidentOnsiteRequested;
import jp.otasuke.common.problem.Refusal;
import jp.otasuke.common.text.Languages;
import jp.otasuke.common.text.Sentence;
import jp.otasuke.dispatch.cost.Costs;
import jp.otasuke.dispatch.cost.VisitReport;
import jp.otasuke.dispatch.travel.GeoPoint;

/**
 * A rush-out job and the rules of the engineer's actions on it. Actions recorded offline arrive late and out
 * of order, so each is applied by its own time: it records its moment (if not recorded yet) and moves the job
 * forward to its step, never backwards. The costs are computed once, at the first check-out.
 */
@Entity
@Table(name = "dispatch_job")
public class DispatchJob extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String title;
    public String category;
    public String priority;
    public String reason;
    @Column(name = "site_address")
    public String siteAddress;
    @Column(name = "site_latitude")
    public double siteLatitude;
    @Column(name = "site_longitude")
    public double siteLongitude;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "required_skills")
    public String[] requiredSkills;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public Instant deadline;
    @Enumerated(EnumType.STRING)
    public JobStatus status;
    @Column(name = "engineer_id")
    public UUID engineerId;
    @Column(name = "engineer_name")
    public String engineerName;
    @Column(name = "planned_arrival")
    public Instant plannedArrival;
    /** The engineer the SOC chose (the planner keeps the job with them unless they decline), and who chose. */
    @Column(name = "chosen_engineer_id")
    public UUID chosenEngineerId;
    @Column(name = "chosen_by")
    public String chosenBy;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "declined_by")
    public UUID[] declinedBy = new UUID[0];
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "departed_at")
    public Instant departedAt;
    @Column(name = "arrived_at")
    public Instant arrivedAt;
    @Column(name = "arrival_latitude")
    public Double arrivalLatitude;
    @Column(name = "arrival_longitude")
    public Double arrivalLongitude;
    @Column(name = "arrival_distance_m")
    public Double arrivalDistanceMeters;
    @Column(name = "far_from_site")
    public boolean farFromSite;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "report_summary")
    public String reportSummary;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "report_confirmation")
    public jp.otasuke.dispatch.cost.VisitReport.Confirmation reportConfirmation;
    @Column(name = "labor_minutes")
    public Integer laborMinutes;
    @Column(name = "travel_km")
    public Double travelKm;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cost_lines")
    public List<CostLine> costLines;
    @Column(name = "total_yen")
    public Long totalYen;
    @Column(name = "cancelled_reason")
    public String cancelledReason;
    /** The same reason as a sentence, for the engineer's language (null on jobs cancelled before it was kept). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cancelled_because")
    public Sentence cancelledBecause;
    /** Why no active engineer could ever take the job as it stands; null while one could. */
    @Column(name = "unassignable_reason")
    public String unassignableReason;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "unassignable_because")
    public Sentence unassignableBecause;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    /** What an action did, for the caller and for the events it must announce. */
    public enum Effect {
        /** The job moved forward to the action's step. */
        MOVED,
        /** A late action: its moment is on record now, the job stays where it is. */
        RECORDED,
        /** Nothing new (the moment was on record already). */
        NOTHING
    }

    public static DispatchJob from(IncidentOnsiteRequested request, Instant deadline, Instant now) {
        DispatchJob job = new DispatchJob();
        job.id = UUID.randomUUID();
        job.requestId = request.requestId();
        job.incidentId = request.incidentId();
        job.tenantId = request.tenantId();
        job.title = request.title();
        job.category = request.category() == null ? null : request.category().name();
        job.priority = request.priority() == null ? null : request.priority().name();
        job.reason = request.reason();
        job.siteAddress = request.site().address();
        job.siteLatitude = request.site().latitude();
        job.siteLongitude = request.site().longitude();
        job.requiredSkills = request.requiredSkills().toArray(String[]::new);
        job.urgency = request.urgency();
        job.deadline = deadline;
        job.status = JobStatus.UNASSIGNED;
        job.createdAt = now;
        return job;
    }

    public GeoPoint site() {
        return new GeoPoint(siteLatitude, siteLongitude);
    }

    public List<UUID> declinedByList() {
        return List.of(declinedBy);
    }

    /**
     * How many minutes after its deadline the engineer arrives (or, until they do, is planned to arrive); null when on
     * time or not planned. Rounded up: a minute late is late.
     */
    public Long lateByMinutes() {
        Instant arrival = arrivedAt != null ? arrivedAt : plannedArrival;
        return jp.otasuke.common.time.Lateness.minutesLate(deadline, arrival);
    }

    // ---- the schedule's answer ---------------------------------------------------------------------

    /** The schedule gives the job to an engineer; true when it changed hands (an event to announce). */
    public boolean plannedFor(UUID engineer, String name, Instant arrival) {
        boolean newEngineer = !engineer.equals(engineerId);
        unassignable(null);
        engineerId = engineer;
        engineerName = name;
        plannedArrival = arrival;
        status = JobStatus.ASSIGNED;
        return newEngineer;
    }

    public void unplanned() {
        engineerId = null;
        engineerName = null;
        plannedArrival = null;
        status = JobStatus.UNASSIGNED;
    }

    // ---- the engineer's actions -------------------------------------------------------------------

    /** Why this engineer may not act on the job any more, in their language; empty when they may. */
    public Optional<Refusal> refusal(UUID engineer, Locale locale) {
        if (status == JobStatus.CANCELLED) {
            return Optional.of(Refusal.conflict("job.cancelled", DispatchTexts.render(Sentence.of("refused.cancelled",
                    "reason", cancelledReason(locale)), locale), "job", id, "reason", cancelledReason(locale)));
        }
        if (!engineer.equals(engineerId)) {
            return Optional.of(Refusal.conflict("job.not-yours", DispatchTexts.render(Sentence.of("refused.not-yours"), locale),
                    "job", id));
        }
        return Refusal.none();
    }

    /** The planner's finding that nobody could take the job (null: somebody could); true when the finding is new. */
    public boolean unassignable(Sentence why) {
        String reason = why == null ? null : DispatchTexts.render(why, Languages.ENGLISH);
        boolean news = reason != null && !reason.equals(unassignableReason); // the words, not the JSON's number types
        unassignableBecause = why;
        unassignableReason = reason;
        return news;
    }

    public String unassignableReason(Locale locale) {
        return unassignableBecause == null ? null : DispatchTexts.render(unassignableBecause, locale);
    }

    public String cancelledReason(Locale locale) {
        return cancelledBecause == null ? cancelledReason : DispatchTexts.render(cancelledBecause, locale);
    }

    public Effect accept(Instant at) {
        boolean first = acceptedAt == null;
        if (first) {
            acceptedAt = at;
        }
        return advance(JobStatus.ACCEPTED, first);
    }

    /** Declining is possible until the engineer sets off; the job goes back to the schedule. */
    public Optional<Refusal> decline(UUID engineer, Locale locale) {
        if (status.ordinal() > JobStatus.ACCEPTED.ordinal()) {
            return Optional.of(Refusal.conflict("job.decline-too-late", DispatchTexts.render(Sentence.of(
                    "refused.decline-too-late", "status", status), locale), "job", id, "status", status));
        }
        declinedBy = Arrays.copyOf(declinedBy, declinedBy.length + 1);
        declinedBy[declinedBy.length - 1] = engineer;
        acceptedAt = null;
        chosenEngineerId = null; // the SOC's choice holds until that engineer says no
        chosenBy = null;
        unplanned();
        return Refusal.none();
    }

    public Effect depart(Instant at) {
        boolean first = departedAt == null;
        if (first) {
            departedAt = at;
        }
        return advance(JobStatus.EN_ROUTE, first);
    }

    /** Check-in; the GPS position is kept, and flagged when further from the site than allowed. */
    public Effect arrive(Instant at, Double latitude, Double longitude, double farMeters) {
        boolean first = arrivedAt == null;
        if (first) {
            arrivedAt = at;
            if (latitude != null && longitude != null) {
                arrivalLatitude = latitude;
                arrivalLongitude = longitude;
                arrivalDistanceMeters = site().kmTo(new GeoPoint(latitude, longitude)) * 1000;
                farFromSite = arrivalDistanceMeters > farMeters;
            }
        }
        return advance(JobStatus.ON_SITE, first);
    }

    /** Check-out with the report: the cost lines are computed here, once. */
    public Effect complete(Instant at, VisitReport report, long laborPerHourYen, long travelPerKmYen) {
        boolean first = completedAt == null;
        if (first) {
            completedAt = at;
            reportSummary = report.summary();
            reportConfirmation = report.confirmation();
            laborMinutes = report.laborMinutes();
            travelKm = report.travelKm();
            costLines = Costs.of(report, laborPerHourYen, travelPerKmYen);
            totalYen = Costs.total(costLines);
        }
        return advance(JobStatus.COMPLETED, first);
    }

    private Effect advance(JobStatus step, boolean firstTime) {
        JobStatus before = status;
        status = JobStatus.furthest(status, step);
        if (status != before) {
            return Effect.MOVED;
        }
        return firstTime ? Effect.RECORDED : Effect.NOTHING;
    }

    /** The incident was resolved before anyone arrived: true when this cancelled the job. */
    public boolean cancel(Sentence why) {
        if (!JobStatus.BEFORE_ARRIVAL.contains(status)) {
            return false;
        }
        status = JobStatus.CANCELLED;
        cancelledBecause = why;
        cancelledReason = DispatchTexts.render(why, Languages.ENGLISH);
        return true;
    }

    // ---- finders ----------------------------------------------------------------------------------

    public static Optional<DispatchJob> forUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    public static List<DispatchJob> planned() {
        return list("status in ?1", JobStatus.PLANNED);
    }
}

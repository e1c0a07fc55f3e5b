package jp.otasuke.triage.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.common.events.ConsultationOpened;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.IncidentKind;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.Enums.Resolution;
import jp.otasuke.common.events.Enums.Severity;
import jp.otasuke.common.events.SensorSilent;
import jp.otasuke.common.problem.Refusal;

/**
 * An incident in the SOC's queue, and the rules of its life: how alerts grow it, how its priority
 * moves (only up), and which step the SOC may take in which status. Refused steps are values
 * ({@link Refusal}), never half-applied.
 */
@Entity
@DynamicUpdate // a batch of alerts changes a few columns of hundreds of incidents: update only those
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Enumerated(EnumType.STRING)
    public IncidentKind kind;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public AlertCategory category;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    /** The best priority of its alerts before the many-hosts raise: kept so the raise happens once. */
    @Enumerated(EnumType.STRING)
    @Column(name = "base_priority")
    public Priority basePriority;
    @Enumerated(EnumType.STRING)
    @Column(name = "max_severity")
    public Severity maxSeverity;
    @Enumerated(EnumType.STRING)
    public IncidentStatus status;
    @Column(name = "correlation_key")
    public String correlationKey;
    public String family;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] hosts = new String[0];
    @Column(name = "alert_count")
    public int alertCount;
    @Column(name = "first_seen_at")
    public Instant firstSeenAt;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "ack_due_at")
    public Instant ackDueAt;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "sla_breached")
    public boolean slaBreached;
    public String assignee;
    @Column(name = "consultation_id")
    public UUID consultationId;
    /** A consultation's call-back number, as the SME gave it. */
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "sensor_id")
    public UUID sensorId;
    @Column(name = "sensor_silence_id")
    public UUID sensorSilenceId;
    @Column(name = "sensor_name")
    public String sensorName;
    /** An OPERATIONS incident's dead-letter topic and cause. */
    @Column(name = "operations_key")
    public String operationsKey;
    @Column(name = "onsite_request_id")
    public UUID onsiteRequestId;
    /** The on-site job as dispatch last reported it (dispatch owns it; null until it reports one). */
    @Embedded
    public OnsiteJob job;
    /** The insurance claim as insurance last reported it (insurance owns it; null until a claim opens). */
    @Embedded
    public ClaimProgress claim;
    @Enumerated(EnumType.STRING)
    public Resolution resolution;
    @Column(name = "resolution_summary")
    public String resolutionSummary;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "merged_into")
    public UUID mergedInto;
    @Version
    public long version;

    // ---- opening ----------------------------------------------------------------------------------

    /** A new incident from the first alert of its kind on a host (or source address, or sensor). */
    public static Incident openFrom(AlertReceived alert, String correlationKey, String family, Instant now,
            Function<Priority, Duration> ackWithin) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.tenantId = alert.tenantId();
        incident.kind = IncidentKind.ALERT;
        incident.correlationKey = correlationKey;
        incident.family = family;
        incident.title = alert.title();
        incident.category = alert.category();
        incident.maxSeverity = alert.severity();
        incident.basePriority = PriorityPolicy.of(alert.category(), alert.severity());
        incident.status = IncidentStatus.OPEN;
        incident.hosts = hostOf(alert).map(h -> new String[] {h}).orElse(new String[0]);
        incident.priority = PriorityPolicy.of(null, incident.basePriority, incident.hosts.length);
        incident.alertCount = 1;
        incident.firstSeenAt = alert.observedAt();
        incident.lastSeenAt = alert.observedAt();
        incident.openedAt = now;
        incident.ackDueAt = now.plus(ackWithin.apply(incident.priority));
        return incident;
    }

    /** A consultation from the desk, in the same queue as alert incidents. */
    public static Incident openFrom(ConsultationOpened consultation, Priority priority, Instant now, Duration ackWithin) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.tenantId = consultation.tenantId();
        incident.kind = IncidentKind.CONSULTATION;
        incident.consultationId = consultation.consultationId();
        incident.contactPhone = consultation.contactPhone() == null || consultation.contactPhone().isBlank() ? null
                : consultation.contactPhone().strip();
        incident.title = consultation.subject();
        incident.description = consultation.body();
        incident.priority = priority;
        incident.basePriority = priority;
        incident.status = IncidentStatus.OPEN;
        incident.firstSeenAt = consultation.occurredAt();
        incident.lastSeenAt = consultation.occurredAt();
        incident.openedAt = now;
        incident.ackDueAt = now.plus(ackWithin);
        return incident;
    }

    /** A sensor of the tenant fell silent: 24-hour monitoring is blind there until it speaks again. */
    public static Incident openFrom(SensorSilent silence, Priority priority, Instant now, Duration ackWithin) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.tenantId = silence.tenantId();
        incident.kind = IncidentKind.SENSOR_SILENT;
        incident.sensorId = silence.sensorId();
        incident.sensorSilenceId = silence.silenceId();
        incident.sensorName = silence.sensorName();
        incident.title = "Sensor silent: " + silence.sensorName() + " (" + silence.kind() + ", expected every "
                + silence.expectedEverySeconds() + " s, last heard " + (silence.lastSeenAt() == null ? "never"
                        : silence.lastSeenAt().toString()) + ")";
        incident.priority = priority;
        incident.basePriority = priority;
        incident.status = IncidentStatus.OPEN;
        incident.firstSeenAt = silence.occurredAt();
        incident.lastSeenAt = silence.occurredAt();
        incident.openedAt = now;
        incident.ackDueAt = now.plus(ackWithin);
        return incident;
    }

    /** Whose incident a platform matter is (OPERATIONS): no tenant's, so no SME ever sees it. */
    public static final UUID PLATFORM = new UUID(0, 0);

    /** Something of the platform itself needs the SOC (records in a dead-letter topic); {@code alertCount} counts them. */
    public static Incident forOperations(String key, String title, String description, Priority priority, Instant now,
            Duration ackWithin) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.tenantId = PLATFORM;
        incident.kind = IncidentKind.OPERATIONS;
        incident.operationsKey = key;
        incident.title = title;
        incident.description = description;
        incident.priority = priority;
        incident.basePriority = priority;
        incident.status = IncidentStatus.OPEN;
        incident.alertCount = 1;
        incident.firstSeenAt = now;
        incident.lastSeenAt = now;
        incident.openedAt = now;
        incident.ackDueAt = now.plus(ackWithin);
        return incident;
    }

    public void anotherOperationsRecord(Instant at) {
        alertCount++;
        lastSeenAt = at;
    }

    /** The silent sensor spoke again: whoever held it or not, the incident resolves itself. */
    public boolean recovered(String summary, Instant at) {
        if (!status.isActive()) {
            return false;
        }
        status = IncidentStatus.RESOLVED;
        resolution = Resolution.RECOVERED;
        resolutionSummary = summary;
        resolvedAt = at;
        return true;
    }

    // ---- growing from alerts ----------------------------------------------------------------------

    /** Whether the alert belongs here: still active, and within the window of the last alert. */
    public boolean takes(AlertReceived alert, Duration window) {
        return status.isActive() && Duration.between(lastSeenAt, alert.observedAt()).compareTo(window) < 0;
    }

    /**
     * Adds an alert: counts, hosts, seen times, and the priority (which only rises). When it rises before
     * anyone acknowledged, the acknowledge clock tightens to the new priority's.
     *
     * @return true when the priority rose
     */
    public boolean add(AlertReceived alert, Instant now, Function<Priority, Duration> ackWithin) {
        alertCount++;
        hostOf(alert).filter(h -> Arrays.stream(hosts).noneMatch(h::equals)).ifPresent(h -> {
            hosts = Arrays.copyOf(hosts, hosts.length + 1);
            hosts[hosts.length - 1] = h;
        });
        if (alert.observedAt().isBefore(firstSeenAt)) {
            firstSeenAt = alert.observedAt();
        }
        if (alert.observedAt().isAfter(lastSeenAt)) {
            lastSeenAt = alert.observedAt();
        }
        if (alert.severity().ordinal() > maxSeverity.ordinal()) {
            maxSeverity = alert.severity();
        }
        Priority ofAlert = PriorityPolicy.of(alert.category(), alert.severity());
        if (ofAlert.ordinal() < basePriority.ordinal()) {
            // the most serious alert names the incident
            basePriority = ofAlert;
            category = alert.category();
            title = alert.title();
        }
        Priority before = priority;
        priority = PriorityPolicy.of(priority, basePriority, hosts.length);
        if (priority == before) {
            return false;
        }
        if (acknowledgedAt == null) {
            Instant tighter = now.plus(ackWithin.apply(priority));
            if (tighter.isBefore(ackDueAt)) {
                ackDueAt = tighter;
            }
        }
        return true;
    }

    /**
     * The host an alert is about: the named host, else of the two addresses the one in the SME's own network (a PC
     * calling its controller outside is the machine to look at, not the controller: a rule that matched the server's
     * answer names the server as the source), else the destination (the machine a network sensor saw attacked), else the
     * source. Lower-cased so that "PC-01" and "pc-01" are one.
     */
    static Optional<String> hostOf(AlertReceived alert) {
        return hostOf(alert.host(), alert.dstIp(), alert.srcIp());
    }

    /** The same rule for a stored alert's fields (detach counts hosts again from the rows). */
    public static Optional<String> hostOf(String host, String dstIp, String srcIp) {
        String named = host != null ? host
                : dstIp != null && srcIp != null && !OwnNetwork.contains(dstIp) && OwnNetwork.contains(srcIp) ? srcIp
                : dstIp != null ? dstIp : srcIp;
        return Optional.ofNullable(named).map(String::strip).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(java.util.Locale.ROOT));
    }

    // ---- the SOC's steps --------------------------------------------------------------------------

    /** A step the incident's status does not allow: one rule, told by the step and the status it met. */
    private Optional<Refusal> wrongState(String step, String detail) {
        return Optional.of(Refusal.conflict("incident.wrong-state", detail, "incident", id, "step", step, "status", status));
    }


    public Optional<Refusal> acknowledge(String by, Instant at) {
        if (status != IncidentStatus.OPEN) {
            return wrongState("acknowledge", "Incident is " + status + (acknowledgedBy != null ? " (acknowledged by "
                    + acknowledgedBy + ")" : "") + "; only an OPEN incident can be acknowledged");
        }
        status = IncidentStatus.ACKNOWLEDGED;
        acknowledgedAt = at;
        acknowledgedBy = by;
        if (assignee == null) {
            assignee = by;
        }
        return Refusal.none();
    }

    public Optional<Refusal> assign(String to) {
        if (!status.isActive()) {
            return wrongState("assign", "Incident is " + status + "; only an active incident can be assigned");
        }
        assignee = to;
        return Refusal.none();
    }

    public Optional<Refusal> acceptComment() {
        return status == IncidentStatus.CLOSED ? wrongState("comment", "Incident is CLOSED; it takes no more comments")
                : Refusal.none();
    }

    public Optional<Refusal> requestOnsite(UUID requestId) {
        if (status != IncidentStatus.ACKNOWLEDGED) {
            return wrongState("request-onsite", "Incident is " + status + "; an on-site engineer can be requested only for an "
                    + "ACKNOWLEDGED incident" + (status == IncidentStatus.OPEN ? " (acknowledge it first)" : ""));
        }
        status = IncidentStatus.ONSITE_REQUESTED;
        onsiteRequestId = requestId;
        return Refusal.none();
    }

    public Optional<Refusal> resolve(Resolution how, String summary, Instant at) {
        if (status == IncidentStatus.OPEN) {
            return wrongState("resolve", "Incident is OPEN; acknowledge it before resolving it");
        }
        if (!status.isActive()) {
            return wrongState("resolve", "Incident is " + status + " already");
        }
        status = IncidentStatus.RESOLVED;
        resolution = how;
        resolutionSummary = summary;
        resolvedAt = at;
        return Refusal.none();
    }

    public Optional<Refusal> close(Instant at) {
        if (status != IncidentStatus.RESOLVED) {
            return wrongState("close", "Incident is " + status + "; only a RESOLVED incident can be closed");
        }
        status = IncidentStatus.CLOSED;
        closedAt = at;
        return Refusal.none();
    }

    /**
     * Takes another active alert incident of the same tenant in: its alert count, hosts and seen times join
     * this one's, the more serious naming alert wins, and the priority only rises (the tighter acknowledge
     * clock with it, while nobody acknowledged). The other one ends as MERGED, pointing here; the caller moves
     * the alert rows.
     */
    public Optional<Refusal> absorb(Incident other) {
        if (other.id.equals(id)) {
            return Optional.of(Refusal.conflict("incident.merge-into-itself", "An incident cannot be merged into itself"));
        }
        if (!other.tenantId.equals(tenantId)) {
            return Optional.of(Refusal.conflict("incident.merge-other-tenant", "Incident " + other.id
                    + " belongs to another tenant; only incidents of the same tenant can be merged", "other", other.id));
        }
        if (kind != IncidentKind.ALERT || other.kind != IncidentKind.ALERT) {
            return Optional.of(Refusal.conflict("incident.merge-consultation",
                    "Consultations are answered on their own; only alert incidents can be merged"));
        }
        if (!status.isActive()) {
            return wrongState("merge", "Incident is " + status + "; only an active incident can take another in");
        }
        if (!other.status.isActive()) {
            return Optional.of(Refusal.conflict("incident.merge-inactive", "Incident " + other.id + " is " + other.status
                    + "; only an active incident can be merged", "other", other.id, "status", other.status));
        }
        alertCount += other.alertCount;
        for (String host : other.hosts) {
            if (Arrays.stream(hosts).noneMatch(host::equals)) {
                hosts = Arrays.copyOf(hosts, hosts.length + 1);
                hosts[hosts.length - 1] = host;
            }
        }
        firstSeenAt = other.firstSeenAt.isBefore(firstSeenAt) ? other.firstSeenAt : firstSeenAt;
        lastSeenAt = other.lastSeenAt.isAfter(lastSeenAt) ? other.lastSeenAt : lastSeenAt;
        if (other.maxSeverity.ordinal() > maxSeverity.ordinal()) {
            maxSeverity = other.maxSeverity;
        }
        if (other.basePriority.ordinal() < basePriority.ordinal()) {
            basePriority = other.basePriority;
            category = other.category;
            title = other.title;
        }
        Priority higher = other.priority.ordinal() < priority.ordinal() ? other.priority : priority;
        priority = PriorityPolicy.of(higher, basePriority, hosts.length);
        if (acknowledgedAt == null && other.ackDueAt.isBefore(ackDueAt)) {
            ackDueAt = other.ackDueAt;
        }
        slaBreached = slaBreached || (acknowledgedAt == null && other.slaBreached);
        other.status = IncidentStatus.MERGED;
        other.mergedInto = id;
        other.alertCount = 0;
        other.hosts = new String[0];
        return Refusal.none();
    }

    /**
     * A new incident for alerts that leave this one (the undo of a wrong merge or correlation): counted, named
     * and prioritised from those alerts alone, with its own acknowledge clock. This one keeps the rest; the
     * caller moves the rows and recounts it ({@link #recount}).
     */
    public Incident split(List<IncidentAlert> leaving, Instant now,
            Function<Priority, Duration> ackWithin) {
        Incident split = new Incident();
        split.id = UUID.randomUUID();
        split.tenantId = tenantId;
        split.kind = IncidentKind.ALERT;
        split.family = family;
        split.status = IncidentStatus.OPEN;
        split.openedAt = now;
        split.recount(leaving);
        split.correlationKey = leaving.get(0).host != null ? "host:" + leaving.get(0).host.strip().toLowerCase(java.util.Locale.ROOT)
                : correlationKey;
        split.ackDueAt = now.plus(ackWithin.apply(split.priority));
        return split;
    }

    /** Counts, hosts, seen times, severity, naming alert and base priority from exactly these alerts. */
    public void recount(List<IncidentAlert> alerts) {
        alertCount = alerts.size();
        hosts = alerts.stream().map(a -> a.hostName()).flatMap(Optional::stream).distinct()
                .toArray(String[]::new);
        firstSeenAt = alerts.stream().map(a -> a.observedAt).min(Instant::compareTo).orElse(firstSeenAt);
        lastSeenAt = alerts.stream().map(a -> a.observedAt).max(Instant::compareTo).orElse(lastSeenAt);
        maxSeverity = alerts.stream().map(a -> a.severity).max(Enum::compareTo).orElse(maxSeverity);
        IncidentAlert naming = alerts.stream()
                .min(java.util.Comparator.comparing(a -> PriorityPolicy.of(a.category, a.severity))).orElseThrow();
        basePriority = PriorityPolicy.of(naming.category, naming.severity);
        category = naming.category;
        title = naming.title;
        if (priority == null) {
            priority = PriorityPolicy.of(null, basePriority, hosts.length);
        }
    }

    /** The acknowledge clock ran out; true the first time. */
    public boolean breachSla() {
        if (slaBreached || acknowledgedAt != null) {
            return false;
        }
        slaBreached = true;
        return true;
    }

    // ---- what dispatch and insurance report ------------------------------------------------------

    /** The on-site job moved; an engineer on the way or on site puts a requested incident in progress. */
    public void jobMoved(UUID jobId, String jobStatusNow, Instant eta, String engineer) {
        job = OnsiteJob.moved(job, jobId, jobStatusNow, eta, engineer);
        if (job.engineerIsComing() && status == IncidentStatus.ONSITE_REQUESTED) {
            status = IncidentStatus.ONSITE_IN_PROGRESS;
        }
    }

    /** Dispatch made the on-site job, due by {@code deadline}. */
    public void jobCreated(UUID jobId, Instant deadline) {
        job = OnsiteJob.created(job, jobId, deadline);
    }

        /** Dispatch found that no active engineer could ever take the job as it stands: the SOC must act. */
    public void jobUnassignable(UUID jobId, String reason, jp.otasuke.common.text.Sentence because) {
        job = OnsiteJob.unassignable(job, jobId, reason, because);
    }

    public void claimMoved(UUID claimId, String claimStatusNow) {
        claim = new ClaimProgress(claimId, claimStatusNow);
    }

    public List<String> hostList() {
        return List.of(hosts);
    }

    // ---- finders ----------------------------------------------------------------------------------

    /**
     * One incident, locked for a SOC step so that two operators' steps are applied one after the other
     * (the second sees the first's result).
     */
    public static Optional<Incident> forUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** One incident, visible only within the tenant when {@code tenantId} is given (else any). */
    public static Optional<Incident> visible(UUID id, UUID tenantId) {
        if (tenantId == null) {
            return findByIdOptional(id);
        }
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }
}

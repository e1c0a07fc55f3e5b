package jp.otasuke.triage.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.IncidentKind;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.Enums.Resolution;

/** An incident as the API shows it (API.md, triage-service). */
public record IncidentView(UUID id, UUID tenantId, IncidentKind kind, String title, String description,
        AlertCategory category, Priority priority, IncidentStatus status, int alertCount, List<String> hosts,
        Instant firstSeenAt, Instant lastSeenAt, Instant ackDueAt, Instant acknowledgedAt, boolean slaBreached,
        String assignee, @JsonInclude(JsonInclude.Include.NON_NULL) Onsite onsite,
        @JsonInclude(JsonInclude.Include.NON_NULL) Claim claim, Resolution resolution, String resolutionSummary,
        Instant resolvedAt, Instant closedAt, @JsonInclude(JsonInclude.Include.NON_NULL) UUID mergedInto, Instant openedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID consultationId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String contactPhone) {

    /**
     * The on-site job, as dispatch last reported it; {@code unassignableReason} when nobody could ever take it (SOC only);
     * {@code late} when the engineer is expected after the deadline (the SOC and the SME both see it).
     */
    public record Onsite(UUID jobId, String status, Instant eta, String engineerName,
            @JsonInclude(JsonInclude.Include.NON_NULL) String unassignableReason, Instant deadline, boolean late,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long lateByMinutes) {
    }

    /** The insurance claim, as insurance last reported it. */
    public record Claim(UUID claimId, String status) {
    }

    /** What the SOC sees (dispatch's reasons in English, for the answers to the SOC's steps). */
    public static IncidentView forSoc(Incident i) {
        return forSoc(i, java.util.Locale.ENGLISH);
    }

    /** What the SOC sees, dispatch's reasons in the operator's language. */
    public static IncidentView forSoc(Incident i, java.util.Locale locale) {
        return of(i, i.title, i.assignee, i.job == null ? null : i.job.unassignableReason(locale));
    }

    /** What the SME sees: a plain-language title, and no operator names. */
    public static IncidentView forCustomer(Incident i, java.util.Locale locale) {
        return of(i, PlainLanguage.title(i, locale), null, null);
    }

    private static IncidentView of(Incident i, String title, String assignee, String unassignableReason) {
        OnsiteJob job = i.job == null ? new OnsiteJob() : i.job;
        Onsite onsite = i.onsiteRequestId == null && job.id == null ? null
                : new Onsite(job.id, job.status == null ? "REQUESTED" : job.status, job.eta, job.engineerName, unassignableReason,
                        job.deadline, job.lateByMinutes() != null, job.lateByMinutes());
        Claim claim = i.claim == null || i.claim.id == null ? null : new Claim(i.claim.id, i.claim.status);
        return new IncidentView(i.id, i.tenantId, i.kind, title, i.description, i.category, i.priority, i.status,
                i.alertCount, i.hostList(), i.firstSeenAt, i.lastSeenAt, i.ackDueAt, i.acknowledgedAt, i.slaBreached,
                assignee, onsite, claim, i.resolution, i.resolutionSummary, i.resolvedAt, i.closedAt, i.mergedInto, i.openedAt, i.consultationId,
                i.contactPhone);
    }
}

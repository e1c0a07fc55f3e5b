package jp.otasuke.dispatch.job;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.otasuke.common.events.CostLine;
import jp.otasuke.common.events.Enums.Urgency;

/** A job as the API shows it (API.md, dispatch-service). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(UUID id, UUID incidentId, UUID tenantId, String title, Site site, List<String> requiredSkills,
        Urgency urgency, Instant deadline, JobStatus status, UUID engineerId, String engineerName, Instant plannedArrival,
        Instant acceptedAt, Instant departedAt, Instant arrivedAt, Boolean farFromSite, Instant completedAt,
        String reportSummary, List<CostLine> costLines, Long totalYen, String cancelledReason, String category,
        String tenantName, String confirmedBy, List<String> checklist, String unassignableReason, Boolean late,
        Long lateByMinutes, String chosenBy, String reason, String contactPhone) {

    public record Site(String address, double latitude, double longitude) {
    }

    /** The SOC's and the engineer's view: everything on record. */
    public static JobView full(DispatchJob j, Locale locale) {
        return full(j, null, locale);
    }

    /**
     * The same with the SME's name and telephone (from the tenants topic), as the engineer's list shows it: who they
     * go to, why ({@code reason}, the SOC's request in its words), and whom to call on the way.
     */
    public static JobView full(DispatchJob j, jp.otasuke.common.tenants.KnownTenant tenant, Locale locale) {
        return new JobView(j.id, j.incidentId, j.tenantId, j.title, new Site(j.siteAddress, j.siteLatitude, j.siteLongitude),
                List.of(j.requiredSkills), j.urgency, j.deadline, j.status, j.engineerId, j.engineerName, j.plannedArrival,
                j.acceptedAt, j.departedAt, j.arrivedAt, j.arrivedAt == null ? null : j.farFromSite, j.completedAt,
                j.reportSummary, j.costLines == null ? null : j.costLines.stream().map(l -> new CostLine(l.type(),
                        l.description(locale), l.amountYen(), l.wording())).toList(),
                j.totalYen, j.cancelledReason(locale), j.category, tenant == null ? null : tenant.name,
                j.reportConfirmation == null ? null : j.reportConfirmation.confirmedBy(),
                j.reportConfirmation == null ? null : j.reportConfirmation.checklist(), j.unassignableReason(locale),
                j.lateByMinutes() != null, j.lateByMinutes(), j.chosenBy, j.reason, tenant == null ? null : tenant.contactPhone);
    }

    /** The SME's view: status, when the engineer comes (and whether that is after the deadline), the engineer's display name. */
    public static JobView forCustomer(DispatchJob j) {
        return new JobView(j.id, j.incidentId, null, null, null, null, null, null, j.status, null, j.engineerName,
                j.plannedArrival, null, null, j.arrivedAt, null, j.completedAt, null, null, null, null, null, null, null, null, null,
                j.lateByMinutes() != null, j.lateByMinutes(), null, null, null);
    }
}

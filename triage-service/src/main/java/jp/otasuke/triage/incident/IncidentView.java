package jp.otasuke.triage.incident;

import java.time.Instant;
import java.util.UUID;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.IncidentKind;
import jp.otasuke.common.events.Enums.Priority;

/** An incident as the API shows it (API.md, triage-service). */
public record IncidentView(UUID id, UUID tenantId, IncidentKind kind, String title, AlertCategory category,
        Priority priority, String status, int alertCount, Instant firstSeenAt, Instant lastSeenAt, Instant ackDueAt,
        Instant acknowledgedAt, boolean slaBreached, String assignee) {

    static IncidentView of(Incident i) {
        return new IncidentView(i.id, i.tenantId, i.kind, i.title, i.category, i.priority, i.status, i.alertCount,
                i.firstSeenAt, i.lastSeenAt, i.ackDueAt, i.acknowledgedAt, i.slaBreached, i.assignee);
    }
}

package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** A new incident: from correlated alerts or from a consultation. */
public record IncidentOpened(UUID eventId, Instant occurredAt, UUID incidentId, UUID tenantId, Enums.IncidentKind kind, String title,
        Enums.AlertCategory category, Enums.Priority priority, String status, Instant ackDueAt, UUID consultationId,
        java.util.List<String> hosts) implements IncidentStory {

    /** Opened without naming the machines (events written before {@code hosts} was added). */
    public IncidentOpened(UUID eventId, Instant occurredAt, UUID incidentId, UUID tenantId, Enums.IncidentKind kind, String title,
            Enums.AlertCategory category, Enums.Priority priority, String status, Instant ackDueAt, UUID consultationId) {
        this(eventId, occurredAt, incidentId, tenantId, kind, title, category, priority, status, ackDueAt, consultationId, null);
    }
}

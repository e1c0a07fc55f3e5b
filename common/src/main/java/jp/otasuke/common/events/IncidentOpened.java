package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** A new incident: from correlated alerts or from a consultation. */
public record IncidentOpened(UUID eventId, Instant occurredAt, UUID incidentId, UUID tenantId, Enums.IncidentKind kind, String title, Enums.AlertCategory category, Enums.Priority priority, String status, Instant ackDueAt, UUID consultationId) implements IncidentStory {
}

package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** Nobody acknowledged the incident before its ack-due time. */
public record IncidentSlaBreached(UUID eventId, Instant occurredAt, UUID incidentId, UUID tenantId, Enums.Priority priority, Instant ackDueAt) implements IncidentStory {
}

package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** A SOC operator took the incident in hand. */
public record IncidentAcknowledged(UUID eventId, Instant occurredAt, UUID incidentId, UUID tenantId, String acknowledgedBy) implements IncidentStory {
}

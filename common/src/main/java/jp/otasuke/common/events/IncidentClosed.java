package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The incident is closed for good. */
public record IncidentClosed(UUID eventId, Instant occurredAt, UUID incidentId, UUID tenantId, String closedBy) implements IncidentStory {
}

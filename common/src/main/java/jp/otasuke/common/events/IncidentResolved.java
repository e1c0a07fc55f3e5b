package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The incident is resolved (remotely, on site, or found harmless). */
public record IncidentResolved(UUID eventId, Instant occurredAt, UUID incidentId, UUID tenantId, Enums.Resolution resolution, String summary, String resolvedBy) implements IncidentStory {
}

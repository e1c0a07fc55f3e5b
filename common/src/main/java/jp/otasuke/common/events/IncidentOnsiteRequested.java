package jp.otasuke.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The SOC asks for an engineer on site; dispatch makes one job per request. */
public record IncidentOnsiteRequested(UUID eventId, Instant occurredAt, UUID incidentId, UUID tenantId, UUID requestId, String reason, Enums.Urgency urgency, List<String> requiredSkills, String title, Enums.AlertCategory category, Enums.Priority priority, Site site, String requestedBy) implements IncidentStory {
}

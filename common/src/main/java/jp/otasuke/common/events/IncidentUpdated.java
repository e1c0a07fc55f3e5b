package jp.otasuke.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident grew (alerts, hosts) or changed priority, status or assignee; one merged into another has status
 * MERGED and names it in {@code mergedInto} (null otherwise).
 */
public record IncidentUpdated(UUID eventId, Instant occurredAt, UUID incidentId, UUID tenantId, Enums.Priority priority,
        String status, int alertCount, List<String> hosts, Instant lastSeenAt, String assignee, UUID mergedInto)
        implements IncidentStory {
}

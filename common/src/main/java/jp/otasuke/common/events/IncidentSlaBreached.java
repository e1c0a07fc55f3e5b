package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** Nobody acknowledged the incident before its ack-due time. */
public record IncidentSlaBreached(UUID eventId, Instant occurredAt, UUID incidentId, UUID tenantId, Enums.Priority priority, Instant ackDueAt) implements OtasukeEvent {

    @Override
    public String subjectId() {
        return incidentId.toString();
    }

    @Override
    public String partitionKey() {
        return incidentId.toString();
    }
}

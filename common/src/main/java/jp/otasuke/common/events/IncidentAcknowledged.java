package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** A SOC operator took the incident in hand. */
public record IncidentAcknowledged(UUID eventId, Instant occurredAt, UUID incidentId, UUID tenantId, String acknowledgedBy) implements OtasukeEvent {

    @Override
    public String subjectId() {
        return incidentId.toString();
    }

    @Override
    public String partitionKey() {
        return incidentId.toString();
    }
}

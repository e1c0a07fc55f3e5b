package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The engineer is on the way. */
public record DispatchJobEnRoute(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, UUID engineerId, String engineerName, Instant eta) implements OtasukeEvent {

    @Override
    public String subjectId() {
        return jobId.toString();
    }

    @Override
    public String partitionKey() {
        return incidentId.toString();
    }
}

package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The engineer is on the way. */
public record DispatchJobEnRoute(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, UUID engineerId, String engineerName, Instant eta) implements IncidentStory {

    @Override
    public String subjectId() {
        return jobId.toString();
    }
}

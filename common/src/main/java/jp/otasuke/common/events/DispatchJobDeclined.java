package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The engineer declined the job; it is planned again. */
public record DispatchJobDeclined(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, UUID engineerId, String reason) implements IncidentStory {

    @Override
    public String subjectId() {
        return jobId.toString();
    }
}

package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The job is no longer needed (e.g. the incident was resolved before arrival). */
public record DispatchJobCancelled(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, String reason) implements IncidentStory {

    @Override
    public String subjectId() {
        return jobId.toString();
    }
}

package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The engineer accepted the job. */
public record DispatchJobAccepted(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, UUID engineerId, String engineerName, Instant plannedArrival) implements IncidentStory {

    @Override
    public String subjectId() {
        return jobId.toString();
    }
}

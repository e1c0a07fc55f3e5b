package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The schedule gave the job to an engineer (re-planning may give it to another). */
public record DispatchJobAssigned(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, UUID engineerId, String engineerName, Instant plannedArrival) implements IncidentStory {

    @Override
    public String subjectId() {
        return jobId.toString();
    }
}

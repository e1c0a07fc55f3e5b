package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The schedule gave the job to an engineer (re-planning may give it to another), or the SOC chose one. */
public record DispatchJobAssigned(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, UUID engineerId,
        String engineerName, Instant plannedArrival, String chosenBy) implements IncidentStory {

    /** The planner's assignment; {@code chosenBy} names the SOC operator who chose the engineer, when one did. */
    public DispatchJobAssigned(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, UUID engineerId,
            String engineerName, Instant plannedArrival) {
        this(eventId, occurredAt, jobId, incidentId, tenantId, engineerId, engineerName, plannedArrival, null);
    }

    @Override
    public String subjectId() {
        return jobId.toString();
    }
}

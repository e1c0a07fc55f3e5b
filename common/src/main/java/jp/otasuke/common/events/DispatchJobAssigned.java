package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The schedule gave the job to an engineer (re-planning may give it to another), or the SOC chose one. */
public record DispatchJobAssigned(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, UUID engineerId,
        String engineerName, Instant plannedArrival, String chosenBy, Enums.Urgency urgency, Instant deadline, String reason)
        implements IncidentStory {

    /**
     * The planner's assignment; {@code chosenBy} names the SOC operator who chose the engineer, when one did. The job's
     * terms ({@code urgency}, {@code deadline}, the SOC's {@code reason}) go with it, for the engineer's notice.
     */
    public DispatchJobAssigned(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, UUID engineerId,
            String engineerName, Instant plannedArrival) {
        this(eventId, occurredAt, jobId, incidentId, tenantId, engineerId, engineerName, plannedArrival, null);
    }

    /** An assignment without the job's terms (events written before they were added). */
    public DispatchJobAssigned(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, UUID engineerId,
            String engineerName, Instant plannedArrival, String chosenBy) {
        this(eventId, occurredAt, jobId, incidentId, tenantId, engineerId, engineerName, plannedArrival, chosenBy, null, null, null);
    }

    @Override
    public String subjectId() {
        return jobId.toString();
    }
}

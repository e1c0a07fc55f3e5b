package jp.otasuke.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A rush-out job exists for an on-site request. */
public record DispatchJobCreated(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, UUID requestId, Enums.Urgency urgency, Instant deadline, List<String> requiredSkills) implements IncidentStory {

    @Override
    public String subjectId() {
        return jobId.toString();
    }
}

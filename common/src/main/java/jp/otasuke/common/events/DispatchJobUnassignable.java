package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * No active engineer could ever take the job as it stands (the skills, every skilled engineer declined, or no shift
 * holds the work): announced once when that becomes so, so the SOC acts instead of waiting in silence.
 */
public record DispatchJobUnassignable(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId,
        String reason) implements IncidentStory {

    @Override
    public String subjectId() {
        return jobId.toString();
    }
}

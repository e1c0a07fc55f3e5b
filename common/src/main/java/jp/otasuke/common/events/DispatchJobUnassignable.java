package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * No active engineer could ever take the job as it stands (the skills, every skilled engineer declined, or no shift
 * holds the work): announced once when that becomes so, so the SOC acts instead of waiting in silence.
 */
public record DispatchJobUnassignable(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId,
        String reason, jp.otasuke.common.text.Sentence because) implements IncidentStory {

    /** {@code reason} in English; {@code because}, the same as a message key and its facts, for each reader's words. */
    public DispatchJobUnassignable(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, String reason) {
        this(eventId, occurredAt, jobId, incidentId, tenantId, reason, null);
    }

    @Override
    public String subjectId() {
        return jobId.toString();
    }
}

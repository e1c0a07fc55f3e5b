package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The job is no longer needed (e.g. the incident was resolved before arrival). */
public record DispatchJobCancelled(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, String reason,
        jp.otasuke.common.text.Sentence because) implements IncidentStory {

    /** {@code reason} in English; {@code because}, the same as a message key and its facts, for each reader's words. */
    public DispatchJobCancelled(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, String reason) {
        this(eventId, occurredAt, jobId, incidentId, tenantId, reason, null);
    }

    @Override
    public String subjectId() {
        return jobId.toString();
    }
}

package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The engineer checked in at the site. */
public record DispatchJobArrived(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, UUID engineerId, Instant arrivedAt, boolean farFromSite) implements IncidentStory {

    @Override
    public String subjectId() {
        return jobId.toString();
    }
}

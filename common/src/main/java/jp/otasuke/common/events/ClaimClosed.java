package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The claim is closed. */
public record ClaimClosed(UUID eventId, Instant occurredAt, UUID claimId, String claimNumber, UUID incidentId, UUID tenantId, String status) implements IncidentStory {

    @Override
    public String subjectId() {
        return claimId.toString();
    }
}

package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The insurer decided the claim. */
public record ClaimDecided(UUID eventId, Instant occurredAt, UUID claimId, String claimNumber, UUID incidentId, UUID tenantId, String insurerId, Enums.ClaimOutcome outcome, long approvedYen, String reason) implements IncidentStory {

    @Override
    public String subjectId() {
        return claimId.toString();
    }
}

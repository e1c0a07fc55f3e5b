package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** A claim opened by itself from a completed job. */
public record ClaimOpened(UUID eventId, Instant occurredAt, UUID claimId, String claimNumber, UUID incidentId, UUID jobId, UUID tenantId, UUID policyId, String insurerId, String status, long claimedTotalYen, long payableYen) implements IncidentStory {

    @Override
    public String subjectId() {
        return claimId.toString();
    }
}

package jp.otasuke.common.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The insurer paid the claim. */
public record ClaimPaid(UUID eventId, Instant occurredAt, UUID claimId, String claimNumber, UUID incidentId, UUID tenantId, String insurerId, long paidYen, LocalDate paidOn, String paymentReference) implements IncidentStory {

    @Override
    public String subjectId() {
        return claimId.toString();
    }
}

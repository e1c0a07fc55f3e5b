package jp.otasuke.insurance.claim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.otasuke.insurance.evidence.Evidence;

/** A claim as the API and the webhooks show it (API.md, insurance-service). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimView(UUID id, String claimNumber, UUID policyId, String insurerId, UUID tenantId, UUID incidentId,
        UUID jobId, ClaimStatus status, LocalDate lossDate, Instant reportedAt, List<Coverage.Line> lines,
        long claimedTotalYen, long coveredYen, long payableYen, List<String> explanation, List<String> notCoveredReasons,
        Long approvedYen, Long paidYen, LocalDate paidOn, String paymentReference, String decisionReason, long version,
        Instant updatedAt, Evidence evidence) {

    public static ClaimView of(Claim c) {
        return new ClaimView(c.id, c.claimNumber, c.policyId, c.insurerId, c.tenantId, c.incidentId, c.jobId, c.status,
                c.lossDate, c.reportedAt, c.lines, c.claimedTotalYen, c.coveredYen, c.payableYen, List.of(c.explanation),
                c.notCoveredReasons.length == 0 ? null : List.of(c.notCoveredReasons), c.approvedYen, c.paidYen, c.paidOn,
                c.paymentReference, c.decisionReason, c.version, c.updatedAt, c.evidence);
    }
}

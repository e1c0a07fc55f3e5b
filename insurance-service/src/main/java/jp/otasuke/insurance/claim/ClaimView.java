package jp.otasuke.insurance.claim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.otasuke.common.text.Languages;
import jp.otasuke.insurance.evidence.Evidence;

/**
 * A claim as the API and the webhooks show it (API.md, insurance-service), its words (explanation, reasons, line
 * notes) in the reader's language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimView(UUID id, String claimNumber, UUID policyId, String insurerId, UUID tenantId, UUID incidentId,
        UUID jobId, ClaimStatus status, LocalDate lossDate, Instant reportedAt, List<Coverage.Line> lines,
        long claimedTotalYen, long coveredYen, long payableYen, List<String> explanation, List<String> notCoveredReasons,
        Long approvedYen, Long paidYen, LocalDate paidOn, String paymentReference, String decisionReason, long version,
        Instant updatedAt, Evidence evidence) {

    /** In English: what insurers' systems and the webhooks read. */
    public static ClaimView of(Claim c) {
        return of(c, Languages.ENGLISH);
    }

    public static ClaimView of(Claim c, Locale locale) {
        List<String> explanation = c.explanationSentences == null ? List.of(c.explanation)
                : ClaimTexts.render(c.explanationSentences, locale);
        List<String> notCovered = c.notCoveredSentences == null ? List.of(c.notCoveredReasons)
                : ClaimTexts.render(c.notCoveredSentences, locale);
        List<Coverage.Line> lines = c.lines.stream().map(l -> new Coverage.Line(l.type(), l.description(), l.claimedYen(),
                l.coveredYen(), ClaimTexts.lineNote(c, l, locale))).toList();
        return new ClaimView(c.id, c.claimNumber, c.policyId, c.insurerId, c.tenantId, c.incidentId, c.jobId, c.status,
                c.lossDate, c.reportedAt, lines, c.claimedTotalYen, c.coveredYen, c.payableYen, explanation,
                notCovered.isEmpty() ? null : notCovered, c.approvedYen, c.paidYen, c.paidOn,
                c.paymentReference, c.decisionReason, c.version, c.updatedAt, c.evidence);
    }
}

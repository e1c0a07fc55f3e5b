package jp.otasuke.insurance.claim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.otasuke.common.events.CostLine;
import jp.otasuke.common.events.Enums.CostType;
import jp.otasuke.common.text.Languages;
import jp.otasuke.insurance.evidence.Evidence;

/**
 * A claim as the API and the webhooks show it (API.md, insurance-service), its words (explanation, reasons, line
 * notes) in the reader's language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimView(UUID id, String claimNumber, UUID policyId, String insurerId, UUID tenantId, UUID incidentId,
        UUID jobId, ClaimStatus status, LocalDate lossDate, Instant reportedAt, List<LineView> lines,
        long claimedTotalYen, long coveredYen, long payableYen, List<String> explanation, List<String> notCoveredReasons,
        Long approvedYen, Long paidYen, LocalDate paidOn, String paymentReference, String decisionReason, long version,
        Instant updatedAt, Evidence evidence) {

    /** A claimed line as the API shows it: its words and why it is or is not paid, in the reader's language. */
    public record LineView(CostType type, String description, long claimedYen, long coveredYen, String note) {
    }

    /** In English: what insurers' systems and the webhooks read. */
    public static ClaimView of(Claim c) {
        return of(c, Languages.ENGLISH);
    }

    public static ClaimView of(Claim c, Locale locale) {
        List<String> explanation = c.explanationSentences == null ? List.of(c.explanation)
                : ClaimTexts.render(c.explanationSentences, locale);
        List<String> notCovered = c.notCoveredSentences == null ? List.of(c.notCoveredReasons)
                : ClaimTexts.render(c.notCoveredSentences, locale);
        List<LineView> lines = c.lines.stream().map(l -> new LineView(l.type(),
                l.wording() == null ? l.description() : l.wording().render(CostLine.TEXTS, locale), l.claimedYen(),
                l.coveredYen(), ClaimTexts.lineNote(c, l, locale))).toList();
        return new ClaimView(c.id, c.claimNumber, c.policyId, c.insurerId, c.tenantId, c.incidentId, c.jobId, c.status,
                c.lossDate, c.reportedAt, lines, c.claimedTotalYen, c.coveredYen, c.payableYen, explanation,
                notCovered.isEmpty() ? null : notCovered, c.approvedYen, c.paidYen, c.paidOn,
                c.paymentReference, c.decisionReason, c.version, c.updatedAt, c.evidence);
    }
}

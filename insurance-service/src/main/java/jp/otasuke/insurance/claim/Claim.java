package jp.otasuke.insurance.claim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.events.Enums.ClaimOutcome;
import jp.otasuke.common.problem.Refusal;
import jp.otasuke.common.text.Sentence;
import jp.otasuke.insurance.evidence.Evidence;

/**
 * A claim for one completed rush-out, and the insurer's steps on it. Refusals are values (the reason), the
 * edge answers 409; the version is the ETag, so two adjusters cannot overwrite each other.
 */
@Entity
public class Claim extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "claim_number")
    public String claimNumber;
    @Column(name = "policy_id")
    public UUID policyId;
    @Column(name = "insurer_id")
    public String insurerId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "job_id")
    public UUID jobId;
    @Enumerated(EnumType.STRING)
    public ClaimStatus status;
    @Column(name = "loss_date")
    public LocalDate lossDate;
    @Column(name = "reported_at")
    public Instant reportedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Coverage.Line> lines;
    /** In English, as insurers' systems read it; the sentences below read in the SME's language. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] explanation = new String[0];
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "explanation_sentences")
    public List<Sentence> explanationSentences;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "not_covered_sentences")
    public List<Sentence> notCoveredSentences;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "not_covered_reasons")
    public String[] notCoveredReasons = new String[0];
    @Column(name = "claimed_total_yen")
    public long claimedTotalYen;
    @Column(name = "covered_yen")
    public long coveredYen;
    @Column(name = "payable_yen")
    public long payableYen;
    @Column(name = "approved_yen")
    public Long approvedYen;
    @Column(name = "paid_yen")
    public Long paidYen;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    @Column(name = "payment_reference")
    public String paymentReference;
    @Column(name = "decision_reason")
    public String decisionReason;
    @JdbcTypeCode(SqlTypes.JSON)
    public Evidence evidence;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public String etag() {
        return "\"" + version + "\"";
    }

    /** The insurer's decision; the amounts must match the outcome. */
    public Optional<Refusal> decide(ClaimOutcome outcome, long approved, String reason, Instant at) {
        if (!status.awaitsDecision()) {
            return wrongState("decide", "Claim is " + status + "; only a SUBMITTED or UNDER_REVIEW claim can be decided");
        }
        switch (outcome) {
            case APPROVED -> {
                if (approved != payableYen) {
                    return wrongAmount("APPROVED pays the payable amount (" + payableYen + " yen); use PARTIALLY_APPROVED for less",
                            outcome, approved);
                }
            }
            case PARTIALLY_APPROVED -> {
                if (approved <= 0 || approved >= payableYen) {
                    return wrongAmount("PARTIALLY_APPROVED needs 0 < approvedYen < " + payableYen, outcome, approved);
                }
            }
            case REJECTED -> {
                if (approved != 0) {
                    return wrongAmount("REJECTED approves 0 yen", outcome, approved);
                }
            }
        }
        status = ClaimStatus.valueOf(outcome.name());
        approvedYen = approved;
        decisionReason = reason;
        updatedAt = at;
        return Refusal.none();
    }

    public Optional<Refusal> pay(long paid, String reference, LocalDate on, Instant at) {
        if (!status.awaitsPayment()) {
            return wrongState("pay", "Claim is " + status + "; only an approved claim can be paid");
        }
        if (paid != approvedYen) {
            return Optional.of(Refusal.conflict("claim.payment-not-approved-amount", "paidYen must be the approved "
                    + approvedYen + " yen", "approvedYen", approvedYen, "paidYen", paid).atField("paidYen"));
        }
        status = ClaimStatus.PAID;
        paidYen = paid;
        paymentReference = reference;
        paidOn = on;
        updatedAt = at;
        return Refusal.none();
    }

    private Optional<Refusal> wrongState(String step, String detail) {
        return Optional.of(Refusal.conflict("claim.wrong-state", detail, "claim", id, "step", step, "status", status));
    }

    /** The approved amount does not fit the outcome: APPROVED pays all that is payable, PARTIALLY less, REJECTED 0. */
    private Optional<Refusal> wrongAmount(String detail, ClaimOutcome outcome, long approved) {
        return Optional.of(Refusal.conflict("claim.amount-does-not-fit-outcome", detail, "outcome", outcome,
                "approvedYen", approved, "payableYen", payableYen).atField("approvedYen"));
    }

    /** What the policy's other claims of the period have taken of the annual aggregate. */
    static long committedYen(UUID policyId) {
        Number sum = (Number) getEntityManager().createNativeQuery("""
                select coalesce(sum(case when status in ('APPROVED', 'PARTIALLY_APPROVED', 'PAID', 'CLOSED')
                                         then coalesce(paid_yen, approved_yen) else payable_yen end), 0)
                from claim where policy_id = ?1 and status not in ('REJECTED', 'NOT_COVERED')""")
                .setParameter(1, policyId).getSingleResult();
        return sum.longValue();
    }

    public static Optional<Claim> forUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    void explain(List<Sentence> sentences) {
        explanationSentences = sentences;
        explanation = sentences.stream().map(ClaimTexts::english).toArray(String[]::new);
    }

    void notCovered(List<Sentence> sentences) {
        notCoveredSentences = sentences;
        notCoveredReasons = sentences.stream().map(ClaimTexts::english).toArray(String[]::new);
    }
}

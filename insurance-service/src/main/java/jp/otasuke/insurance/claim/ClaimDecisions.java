package jp.otasuke.insurance.claim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.otasuke.common.events.Enums.ClaimOutcome;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.problem.Refusal;

/**
 * The insurer's steps. The claim's row is locked, then its version compared with the client's If-Match: an
 * adjuster who read an older version gets 412 and must read again, so two adjusters never overwrite each other.
 */
@ApplicationScoped
@Transactional
public class ClaimDecisions {

    private final ClaimLog log;

    ClaimDecisions(ClaimLog log) {
        this.log = log;
    }

    public Claim decide(UUID id, String insurerId, String ifMatch, ClaimOutcome outcome, long approvedYen, String reason,
            String by) {
        Claim claim = lockedFor(id, insurerId, ifMatch);
        Refusal.raiseIf(claim.decide(outcome, approvedYen, reason, Instant.now()));
        log.decided(claim, by);
        return claim;
    }

    public Claim pay(UUID id, String insurerId, String ifMatch, long paidYen, String reference, LocalDate paidOn, String by) {
        Claim claim = lockedFor(id, insurerId, ifMatch);
        Refusal.raiseIf(claim.pay(paidYen, reference, paidOn, Instant.now()));
        log.paid(claim, by);
        return claim;
    }

    /** The insurer's own claim (others' and NOT_COVERED ones are 404), at the version the client read. */
    private static Claim lockedFor(UUID id, String insurerId, String ifMatch) {
        Claim claim = Claim.forUpdate(id).filter(c -> insurerId.equals(c.insurerId) && c.status != ClaimStatus.NOT_COVERED)
                .orElseThrow(() -> ProblemException.notFound("Claim " + id));
        if (ifMatch != null && !ifMatch.equals(claim.etag()) && !ifMatch.equals("W/" + claim.etag())) {
            throw new ProblemException(412, "Precondition Failed", "The claim changed since you read it (now version "
                    + claim.version + "); read it again and decide on what it says now").withHeader("ETag", claim.etag());
        }
        return claim;
    }
}

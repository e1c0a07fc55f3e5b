package jp.otasuke.insurance.claim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jp.otasuke.common.consumer.BatchApplier;
import jp.otasuke.common.events.DispatchJobCompleted;
import jp.otasuke.common.text.Sentence;
import jp.otasuke.insurance.evidence.Evidence;
import jp.otasuke.insurance.evidence.IncidentFact;
import jp.otasuke.insurance.evidence.IncidentFactRecorded;
import jp.otasuke.insurance.policy.Policy;

/**
 * A claim opens by itself, once (the job id is unique), when a rush-out job completes: the cost lines from the
 * job, the loss date from the incident (the day it opened, in Japan), the evidence, and the coverage evaluation
 * against the tenant's policy for that date. No policy: NOT_COVERED, with the reasons.
 */
@ApplicationScoped
public class ClaimOpening {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final BatchApplier applier;
    private final ClaimLog log;

    ClaimOpening(BatchApplier applier, ClaimLog log) {
        this.applier = applier;
        this.log = log;
    }

    @Incoming("dispatch")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        applier.applyEach(records, DispatchJobCompleted.class, this::open);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Claim> open(DispatchJobCompleted job) {
        if (Claim.count("jobId", job.jobId()) > 0) {
            return Optional.empty();
        }
        IncidentFact incident = IncidentFact.findById(job.incidentId());
        Instant lossAt = incident != null ? incident.openedAt : job.arrivedAt() != null ? job.arrivedAt() : job.completedAt();
        LocalDate lossDate = lossAt.atZone(JAPAN).toLocalDate();
        Claim claim = new Claim();
        claim.id = UUID.randomUUID();
        claim.claimNumber = claimNumber(lossDate);
        claim.tenantId = job.tenantId();
        claim.incidentId = job.incidentId();
        claim.jobId = job.jobId();
        claim.lossDate = lossDate;
        claim.reportedAt = job.completedAt();
        claim.updatedAt = Instant.now();
        // without the incident yet (the topics are not ordered with each other) the evidence is completed when it comes
        claim.evidence = new Evidence(incident == null ? null : incident.asEvidence(),
                new Evidence.Job(job.jobId(), job.engineerName(), job.arrivedAt(), job.completedAt(), job.reportSummary(),
                        job.laborMinutes(), job.travelKm(), job.costLines()));
        Optional<Policy> policy = Policy.coveringForUpdate(job.tenantId(), lossDate);
        if (policy.isPresent()) {
            Coverage.Evaluation evaluation = Coverage.evaluate(Coverage.Terms.of(policy.get()), job.costLines(),
                    Claim.committedYen(policy.get().id));
            claim.policyId = policy.get().id;
            claim.insurerId = policy.get().insurerId;
            claim.status = ClaimStatus.SUBMITTED;
            claim.lines = evaluation.lines();
            claim.claimedTotalYen = evaluation.claimedTotalYen();
            claim.coveredYen = evaluation.coveredYen();
            claim.payableYen = evaluation.payableYen();
            claim.explain(evaluation.explanation());
        } else {
            Coverage.Evaluation nothing = Coverage.evaluate(new Coverage.Terms(java.util.Set.of(), 0, 0, 0), job.costLines(), 0);
            claim.status = ClaimStatus.NOT_COVERED;
            claim.lines = nothing.lines().stream().map(l -> new Coverage.Line(l.type(), l.description(), l.claimedYen(), 0,
                    ClaimTexts.english(Sentence.of("line.no-policy")), l.wording())).toList();
            claim.claimedTotalYen = nothing.claimedTotalYen();
            claim.notCovered(notCovered(job.tenantId(), lossDate));
        }
        claim.persist();
        log.opened(claim);
        Log.infof("Claim %s for job %s: %s, payable %d of %d yen", claim.claimNumber, job.jobId(), claim.status,
                claim.payableYen, claim.claimedTotalYen);
        return Optional.of(claim);
    }

    /** A claim that opened before its incident's facts arrived gets them as evidence now. */
    void incidentKnown(@Observes IncidentFactRecorded recorded) {
        IncidentFact fact = recorded.fact();
        for (Claim claim : Claim.<Claim>list("incidentId", fact.incidentId)) {
            if (claim.evidence != null && claim.evidence.incident() == null) {
                claim.evidence = new Evidence(fact.asEvidence(), claim.evidence.job());
            }
        }
    }

    private static List<Sentence> notCovered(UUID tenantId, LocalDate lossDate) {
        List<Policy> policies = Policy.list("tenantId", tenantId);
        if (policies.isEmpty()) {
            return List.of(Sentence.of("not-covered.no-policy"));
        }
        return policies.stream().map(p -> Sentence.of("not-covered.outside-period", "policyNumber", p.policyNumber,
                "insurerId", p.insurerId, "startsOn", p.startsOn, "endsOn", p.endsOn, "lossDate", lossDate)).toList();
    }

    private static String claimNumber(LocalDate lossDate) {
        Number next = (Number) Claim.getEntityManager().createNativeQuery("select nextval('claim_number_seq')").getSingleResult();
        return String.format("CLM-%d-%06d", lossDate.getYear(), next.longValue());
    }
}

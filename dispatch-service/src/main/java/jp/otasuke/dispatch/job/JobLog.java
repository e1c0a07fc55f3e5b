package jp.otasuke.dispatch.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.otasuke.common.events.DispatchJobAccepted;
import jp.otasuke.common.events.DispatchJobArrived;
import jp.otasuke.common.events.DispatchJobAssigned;
import jp.otasuke.common.events.DispatchJobCancelled;
import jp.otasuke.common.events.DispatchJobCompleted;
import jp.otasuke.common.events.DispatchJobCreated;
import jp.otasuke.common.events.DispatchJobDeclined;
import jp.otasuke.common.events.DispatchJobEnRoute;
import jp.otasuke.common.events.DispatchJobUnassignable;
import jp.otasuke.common.outbox.Outbox;

/** Announces a job's changes through the outbox, in the transaction that made them. Event time = when it happened. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JobLog {

    private final Outbox outbox;

    JobLog(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(DispatchJob job) {
        outbox.publish(new DispatchJobCreated(UUID.randomUUID(), job.createdAt, job.id, job.incidentId, job.tenantId,
                job.requestId, job.urgency, job.deadline, List.of(job.requiredSkills)));
    }

    public void assigned(DispatchJob job, Instant at) {
        outbox.publish(new DispatchJobAssigned(UUID.randomUUID(), at, job.id, job.incidentId, job.tenantId, job.engineerId,
                job.engineerName, job.plannedArrival, job.chosenBy, job.urgency, job.deadline, job.reason));
    }

    public void accepted(DispatchJob job) {
        outbox.publish(new DispatchJobAccepted(UUID.randomUUID(), job.acceptedAt, job.id, job.incidentId, job.tenantId,
                job.engineerId, job.engineerName, job.plannedArrival));
    }

    public void declined(DispatchJob job, UUID engineer, String reason, Instant at) {
        outbox.publish(new DispatchJobDeclined(UUID.randomUUID(), at, job.id, job.incidentId, job.tenantId, engineer, reason));
    }

    public void enRoute(DispatchJob job, Instant eta) {
        outbox.publish(new DispatchJobEnRoute(UUID.randomUUID(), job.departedAt, job.id, job.incidentId, job.tenantId,
                job.engineerId, job.engineerName, eta));
    }

    public void arrived(DispatchJob job) {
        outbox.publish(new DispatchJobArrived(UUID.randomUUID(), job.arrivedAt, job.id, job.incidentId, job.tenantId,
                job.engineerId, job.arrivedAt, job.farFromSite));
    }

    public void completed(DispatchJob job) {
        outbox.publish(new DispatchJobCompleted(UUID.randomUUID(), job.completedAt, job.id, job.incidentId, job.tenantId,
                job.engineerId, job.engineerName, job.arrivedAt, job.completedAt, job.reportSummary, job.laborMinutes,
                job.travelKm, job.costLines, job.totalYen));
    }

    public void unassignable(DispatchJob job, Instant at) {
        outbox.publish(new DispatchJobUnassignable(UUID.randomUUID(), at, job.id, job.incidentId, job.tenantId,
                job.unassignableReason, job.unassignableBecause));
    }

    public void cancelled(DispatchJob job, Instant at) {
        outbox.publish(new DispatchJobCancelled(UUID.randomUUID(), at, job.id, job.incidentId, job.tenantId, job.cancelledReason,
                job.cancelledBecause));
    }
}

package jp.otasuke.triage.incident;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jp.otasuke.common.consumer.BatchApplier;
import jp.otasuke.common.events.ClaimClosed;
import jp.otasuke.common.events.ClaimDecided;
import jp.otasuke.common.events.ClaimOpened;
import jp.otasuke.common.events.ClaimPaid;
import jp.otasuke.common.events.DispatchJobAccepted;
import jp.otasuke.common.events.DispatchJobArrived;
import jp.otasuke.common.events.DispatchJobAssigned;
import jp.otasuke.common.events.DispatchJobCancelled;
import jp.otasuke.common.events.DispatchJobCompleted;
import jp.otasuke.common.events.DispatchJobCreated;
import jp.otasuke.common.events.DispatchJobDeclined;
import jp.otasuke.common.events.DispatchJobEnRoute;
import jp.otasuke.common.events.DispatchJobUnassignable;
import jp.otasuke.common.events.IncidentStory;
import jp.otasuke.common.events.NoticeSent;
import jp.otasuke.triage.timeline.CustomerLine;
import jp.otasuke.triage.timeline.TimelineEntry;

/**
 * The rest of an incident's story, told by dispatch, insurance and notify: each of their events becomes a timeline
 * entry (its id is the event's, applied once through the inbox) and moves the incident's job and claim
 * status, so the queue and the SME see the engineer's ETA and the claim without asking other services.
 */
@ApplicationScoped
public class StoryProjection {

    private final BatchApplier applier;

    StoryProjection(BatchApplier applier) {
        this.applier = applier;
    }

    @Incoming("dispatch")
    @Blocking
    public void dispatch(ConsumerRecords<String, byte[]> records) {
        applier.applyEachOnce(records, IncidentStory.class, this::apply);
    }

    @Incoming("claims")
    @Blocking
    public void claims(ConsumerRecords<String, byte[]> records) {
        applier.applyEachOnce(records, IncidentStory.class, this::apply);
    }

    /** Who was told (notify-service): the SOC sees every notice, the SME only those sent to it. */
    @Incoming("notices")
    @Blocking
    public void notices(ConsumerRecords<String, byte[]> records) {
        applier.applyEachOnce(records, IncidentStory.class, this::apply);
    }

    /** One event: the incident's job or claim status, and the story line (the SME's words where it may see it). */
    void apply(IncidentStory event) {
        Incident incident = Incident.<Incident>findByIdOptional(event.incidentId()).orElse(null);
        if (event instanceof DispatchJobCreated e) {
            move(incident, e.jobId(), "UNASSIGNED", null, null);
            entry(e, "dispatch.job-created", "Dispatch job created (" + e.urgency() + ", deadline " + e.deadline() + ")",
                    CustomerLine.of("dispatch.job-created", "deadline", e.deadline()));
        } else if (event instanceof DispatchJobAssigned e) {
            move(incident, e.jobId(), "ASSIGNED", e.plannedArrival(), e.engineerName());
            entry(e, "dispatch.job-assigned", "Planned for " + e.engineerName() + ", arrival " + e.plannedArrival(),
                    CustomerLine.of("dispatch.job-assigned", "engineer", e.engineerName(), "eta", e.plannedArrival()));
        } else if (event instanceof DispatchJobAccepted e) {
            move(incident, e.jobId(), "ACCEPTED", e.plannedArrival(), e.engineerName());
            entry(e, "dispatch.job-accepted", e.engineerName() + " accepted the job",
                    CustomerLine.of("dispatch.job-accepted", "engineer", e.engineerName()));
        } else if (event instanceof DispatchJobDeclined e) {
            move(incident, e.jobId(), "UNASSIGNED", null, null);
            entry(e, "dispatch.job-declined", "Engineer declined (" + e.reason() + "); re-planning", null);
        } else if (event instanceof DispatchJobEnRoute e) {
            move(incident, e.jobId(), "EN_ROUTE", e.eta(), e.engineerName());
            entry(e, "dispatch.job-en-route", e.engineerName() + " is on the way, ETA " + e.eta(),
                    CustomerLine.of("dispatch.job-en-route", "engineer", e.engineerName(), "eta", e.eta()));
        } else if (event instanceof DispatchJobArrived e) {
            move(incident, e.jobId(), "ON_SITE", null, null);
            entry(e, "dispatch.job-arrived", "Engineer arrived on site" + (e.farFromSite() ? " (check-in far from the site)" : ""),
                    CustomerLine.of("dispatch.job-arrived", "arrivedAt", e.arrivedAt()));
        } else if (event instanceof DispatchJobCompleted e) {
            move(incident, e.jobId(), "COMPLETED", null, e.engineerName());
            entry(e, "dispatch.job-completed", "On-site work completed: " + e.reportSummary() + " (costs " + e.totalYen() + " yen)",
                    CustomerLine.of("dispatch.job-completed", "report", e.reportSummary(), "totalYen", e.totalYen()));
        } else if (event instanceof DispatchJobCancelled e) {
            move(incident, e.jobId(), "CANCELLED", null, null);
            entry(e, "dispatch.job-cancelled", "Dispatch job cancelled: " + e.reason(), CustomerLine.of("dispatch.job-cancelled"));
        } else if (event instanceof DispatchJobUnassignable e) {
            if (incident != null) {
                incident.jobUnassignable(e.jobId(), e.reason());
            }
            entry(e, "dispatch.job-unassignable", "No engineer can take the on-site job: " + e.reason(), null);
        } else if (event instanceof ClaimOpened e) {
            claim(incident, e.claimId(), e.status());
            entry(e, "claim.opened", "Claim " + e.claimNumber() + " opened (" + e.status() + "): claimed " + e.claimedTotalYen()
                    + " yen, payable " + e.payableYen() + " yen", "NOT_COVERED".equals(e.status())
                            ? CustomerLine.of("claim.not-covered")
                            : CustomerLine.of("claim.opened", "claimedYen", e.claimedTotalYen(), "payableYen", e.payableYen()));
        } else if (event instanceof ClaimDecided e) {
            claim(incident, e.claimId(), e.outcome().name());
            entry(e, "claim.decided", "Claim " + e.claimNumber() + " " + e.outcome() + " by " + e.insurerId() + ": "
                    + e.approvedYen() + " yen (" + e.reason() + ")",
                    CustomerLine.of("claim.decided." + e.outcome(), "approvedYen", e.approvedYen()));
        } else if (event instanceof ClaimPaid e) {
            claim(incident, e.claimId(), "PAID");
            entry(e, "claim.paid", "Claim " + e.claimNumber() + " paid: " + e.paidYen() + " yen (" + e.paymentReference() + ")",
                    CustomerLine.of("claim.paid", "paidYen", e.paidYen()));
        } else if (event instanceof NoticeSent e) {
            String summary = "Told " + e.recipient() + " (" + e.audience() + ") by " + e.channel() + ": " + e.about();
            entry(e, "notice.sent", summary, "SME".equals(e.audience())
                    ? CustomerLine.of("notice.sent", "channel", e.channel(), "recipient", e.recipient())
                    : null);
        } else if (event instanceof ClaimClosed e) {
            claim(incident, e.claimId(), e.status());
            entry(e, "claim.closed", "Claim " + e.claimNumber() + " closed", CustomerLine.of("claim.closed"));
        }
    }

    private static void claim(Incident incident, UUID claimId, String status) {
        if (incident != null) {
            incident.claimMoved(claimId, status);
        }
    }

    private static void move(Incident incident, UUID job, String status, Instant eta, String engineer) {
        if (incident != null) {
            incident.jobMoved(job, status, eta, engineer);
        }
    }

    private static void entry(IncidentStory e, String type, String summary, CustomerLine customerSummary) {
        if (customerSummary == null) {
            TimelineEntry.internal(e.eventId(), e.incidentId(), e.occurredAt(), type, summary, null);
        } else {
            TimelineEntry.shared(e.eventId(), e.incidentId(), e.occurredAt(), type, summary, customerSummary, null);
        }
    }
}

package jp.otasuke.triage.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
import jp.otasuke.common.events.IncidentStory;
import jp.otasuke.common.inbox.Inbox;
import jp.otasuke.triage.incident.Incident;
import jp.otasuke.triage.incident.PlainLanguage;

/**
 * The rest of an incident's story, told by dispatch and insurance: each of their events becomes a timeline
 * entry (its id is the event's, applied once through the inbox) and moves the incident's job and claim
 * status, so the queue and the SME see the engineer's ETA and the claim without asking other services.
 */
@ApplicationScoped
public class StoryProjection {

    private final BatchApplier applier;
    private final Inbox inbox;
    private final String consumer;

    StoryProjection(BatchApplier applier, Inbox inbox, @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.applier = applier;
        this.inbox = inbox;
        this.consumer = consumer;
    }

    @Incoming("dispatch")
    @Blocking
    public void dispatch(ConsumerRecords<String, byte[]> records) {
        applier.apply(records, IncidentStory.class, this::applyAll);
    }

    @Incoming("claims")
    @Blocking
    public void claims(ConsumerRecords<String, byte[]> records) {
        applier.apply(records, IncidentStory.class, this::applyAll);
    }

    private void applyAll(List<IncidentStory> events) {
        for (IncidentStory event : events) {
            if (inbox.firstTime(consumer, event.eventId())) {
                apply(event);
            }
        }
    }

    /** One event: the incident's job or claim status, and the story line (the SME's words where it may see it). */
    void apply(IncidentStory event) {
        Incident incident = Incident.<Incident>findByIdOptional(event.incidentId()).orElse(null);
        if (event instanceof DispatchJobCreated e) {
            move(incident, e.jobId(), "UNASSIGNED", null, null);
            entry(e, "dispatch.job-created", "Dispatch job created (" + e.urgency() + ", deadline " + e.deadline() + ")",
                    "An engineer visit is being arranged (needed by " + PlainLanguage.time(e.deadline()) + ").");
        } else if (event instanceof DispatchJobAssigned e) {
            move(incident, e.jobId(), "ASSIGNED", e.plannedArrival(), e.engineerName());
            entry(e, "dispatch.job-assigned", "Planned for " + e.engineerName() + ", arrival " + e.plannedArrival(),
                    "Engineer " + e.engineerName() + " is planned to arrive around " + PlainLanguage.time(e.plannedArrival()) + ".");
        } else if (event instanceof DispatchJobAccepted e) {
            move(incident, e.jobId(), "ACCEPTED", e.plannedArrival(), e.engineerName());
            entry(e, "dispatch.job-accepted", e.engineerName() + " accepted the job",
                    "Engineer " + e.engineerName() + " confirmed the visit.");
        } else if (event instanceof DispatchJobDeclined e) {
            move(incident, e.jobId(), "UNASSIGNED", null, null);
            entry(e, "dispatch.job-declined", "Engineer declined (" + e.reason() + "); re-planning", null);
        } else if (event instanceof DispatchJobEnRoute e) {
            move(incident, e.jobId(), "EN_ROUTE", e.eta(), e.engineerName());
            entry(e, "dispatch.job-en-route", e.engineerName() + " is on the way, ETA " + e.eta(),
                    "Engineer " + e.engineerName() + " is on the way, arriving around " + PlainLanguage.time(e.eta()) + ".");
        } else if (event instanceof DispatchJobArrived e) {
            move(incident, e.jobId(), "ON_SITE", null, null);
            entry(e, "dispatch.job-arrived", "Engineer arrived on site" + (e.farFromSite() ? " (check-in far from the site)" : ""),
                    "The engineer arrived at " + PlainLanguage.time(e.arrivedAt()) + ".");
        } else if (event instanceof DispatchJobCompleted e) {
            move(incident, e.jobId(), "COMPLETED", null, e.engineerName());
            entry(e, "dispatch.job-completed", "On-site work completed: " + e.reportSummary() + " (costs " + e.totalYen() + " yen)",
                    "The on-site work is done: " + e.reportSummary());
        } else if (event instanceof DispatchJobCancelled e) {
            move(incident, e.jobId(), "CANCELLED", null, null);
            entry(e, "dispatch.job-cancelled", "Dispatch job cancelled: " + e.reason(), "The engineer visit was cancelled.");
        } else if (event instanceof ClaimOpened e) {
            claim(incident, e.claimId(), e.status());
            entry(e, "claim.opened", "Claim " + e.claimNumber() + " opened (" + e.status() + "): claimed " + e.claimedTotalYen()
                    + " yen, payable " + e.payableYen() + " yen", "NOT_COVERED".equals(e.status())
                            ? "The visit costs are not covered by an insurance policy."
                            : "An insurance claim for the visit costs was filed (" + e.claimedTotalYen() + " yen).");
        } else if (event instanceof ClaimDecided e) {
            claim(incident, e.claimId(), e.outcome().name());
            entry(e, "claim.decided", "Claim " + e.claimNumber() + " " + e.outcome() + " by " + e.insurerId() + ": "
                    + e.approvedYen() + " yen (" + e.reason() + ")",
                    "The insurer decided the claim: " + e.outcome() + ", " + e.approvedYen() + " yen.");
        } else if (event instanceof ClaimPaid e) {
            claim(incident, e.claimId(), "PAID");
            entry(e, "claim.paid", "Claim " + e.claimNumber() + " paid: " + e.paidYen() + " yen (" + e.paymentReference() + ")",
                    "The insurer paid " + e.paidYen() + " yen.");
        } else if (event instanceof ClaimClosed e) {
            claim(incident, e.claimId(), e.status());
            entry(e, "claim.closed", "Claim " + e.claimNumber() + " closed", "The insurance claim is closed.");
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

    private static void entry(IncidentStory e, String type, String summary, String customerSummary) {
        if (customerSummary == null) {
            TimelineEntry.internal(e.eventId(), e.incidentId(), e.occurredAt(), type, summary, null);
        } else {
            TimelineEntry.shared(e.eventId(), e.incidentId(), e.occurredAt(), type, summary, customerSummary, null);
        }
    }
}

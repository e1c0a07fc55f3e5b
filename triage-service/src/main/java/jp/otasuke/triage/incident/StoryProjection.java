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
import jp.otasuke.triage.timeline.SocLine;
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
            if (incident != null) {
                incident.jobCreated(e.jobId(), e.deadline());
            }
            entry(e, "dispatch.job-created", SocLine.of("dispatch.job-created", "urgency", e.urgency(), "deadline", e.deadline()),
                    CustomerLine.of("dispatch.job-created", "deadline", e.deadline()));
        } else if (event instanceof DispatchJobAssigned e) {
            move(incident, e.jobId(), "ASSIGNED", e.plannedArrival(), e.engineerName());
            Long late = lateByMinutes(incident);
            String key = late == null ? "dispatch.job-assigned" : "dispatch.job-assigned.late";
            Object[] facts = {"engineer", e.engineerName(), "eta", e.plannedArrival(), "deadline", deadline(incident),
                "lateByMinutes", late};
            // the SME reads when the engineer comes, not which operator chose them
            entry(e, "dispatch.job-assigned", SocLine.of(e.chosenBy() == null ? key : key + ".chosen", facts),
                    CustomerLine.of(key, facts), e.chosenBy());
        } else if (event instanceof DispatchJobAccepted e) {
            move(incident, e.jobId(), "ACCEPTED", e.plannedArrival(), e.engineerName());
            entry(e, "dispatch.job-accepted", SocLine.of("dispatch.job-accepted", "engineer", e.engineerName()),
                    CustomerLine.of("dispatch.job-accepted", "engineer", e.engineerName()));
        } else if (event instanceof DispatchJobDeclined e) {
            move(incident, e.jobId(), "UNASSIGNED", null, null);
            entry(e, "dispatch.job-declined", SocLine.of("dispatch.job-declined", "reason", e.reason()), null);
        } else if (event instanceof DispatchJobEnRoute e) {
            move(incident, e.jobId(), "EN_ROUTE", e.eta(), e.engineerName());
            Long late = lateByMinutes(incident);
            String key = late == null ? "dispatch.job-en-route" : "dispatch.job-en-route.late";
            Object[] facts = {"engineer", e.engineerName(), "eta", e.eta(), "deadline", deadline(incident), "lateByMinutes", late};
            entry(e, "dispatch.job-en-route", SocLine.of(key, facts), CustomerLine.of(key, facts));
        } else if (event instanceof DispatchJobArrived e) {
            move(incident, e.jobId(), "ON_SITE", null, null);
            entry(e, "dispatch.job-arrived", SocLine.of(e.farFromSite() ? "dispatch.job-arrived.far" : "dispatch.job-arrived", "arrivedAt", e.arrivedAt()),
                    CustomerLine.of("dispatch.job-arrived", "arrivedAt", e.arrivedAt()));
        } else if (event instanceof DispatchJobCompleted e) {
            move(incident, e.jobId(), "COMPLETED", null, e.engineerName());
            entry(e, "dispatch.job-completed", SocLine.of("dispatch.job-completed", "report", e.reportSummary(), "totalYen", e.totalYen()),
                    CustomerLine.of("dispatch.job-completed", "report", e.reportSummary(), "totalYen", e.totalYen()));
        } else if (event instanceof DispatchJobCancelled e) {
            move(incident, e.jobId(), "CANCELLED", null, null);
            entry(e, "dispatch.job-cancelled", SocLine.of("dispatch.job-cancelled", "reason", e.reason(), "because", e.because()), CustomerLine.of("dispatch.job-cancelled"));
        } else if (event instanceof DispatchJobUnassignable e) {
            if (incident != null) {
                incident.jobUnassignable(e.jobId(), e.reason(), e.because());
            }
            entry(e, "dispatch.job-unassignable", SocLine.of("dispatch.job-unassignable", "reason", e.reason(), "because", e.because()), null);
        } else if (event instanceof ClaimOpened e) {
            claim(incident, e.claimId(), e.status());
            entry(e, "claim.opened", SocLine.of("NOT_COVERED".equals(e.status()) ? "claim.not-covered" : "claim.opened",
                    "claimNumber", e.claimNumber(), "claimedYen", e.claimedTotalYen(), "payableYen", e.payableYen()),
                    "NOT_COVERED".equals(e.status())
                            ? CustomerLine.of("claim.not-covered")
                            : CustomerLine.of("claim.opened", "claimedYen", e.claimedTotalYen(), "payableYen", e.payableYen()));
        } else if (event instanceof ClaimDecided e) {
            claim(incident, e.claimId(), e.outcome().name());
            entry(e, "claim.decided", SocLine.of("claim.decided." + e.outcome(), "claimNumber", e.claimNumber(),
                    "insurer", e.insurerId(), "approvedYen", e.approvedYen(), "reason", e.reason()),
                    CustomerLine.of("claim.decided." + e.outcome(), "approvedYen", e.approvedYen()));
        } else if (event instanceof ClaimPaid e) {
            claim(incident, e.claimId(), "PAID");
            entry(e, "claim.paid", SocLine.of("claim.paid", "claimNumber", e.claimNumber(), "paidYen", e.paidYen(),
                    "reference", e.paymentReference()),
                    CustomerLine.of("claim.paid", "paidYen", e.paidYen()));
        } else if (event instanceof NoticeSent e) {
            SocLine told = SocLine.of("notice.sent", "recipient", e.recipient(), "audience", e.audience(), "channel",
                    e.channel(), "about", e.about());
            entry(e, "notice.sent", told, "SME".equals(e.audience())
                    // what it told of (a code) goes with it, so the SME's page marks the step the mail was about
                    ? CustomerLine.of("notice.sent", "channel", e.channel(), "recipient", e.recipient(), "about", e.about())
                    : null);
        } else if (event instanceof ClaimClosed e) {
            claim(incident, e.claimId(), e.status());
            entry(e, "claim.closed", SocLine.of("claim.closed", "claimNumber", e.claimNumber()), CustomerLine.of("claim.closed"));
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

    /** The job's lateness as the incident knows it now (its deadline came with job-created); null when on time. */
    private static Long lateByMinutes(Incident incident) {
        return incident == null || incident.job == null ? null : incident.job.lateByMinutes();
    }

    private static Instant deadline(Incident incident) {
        return incident == null || incident.job == null ? null : incident.job.deadline;
    }

    private static void entry(IncidentStory e, String type, SocLine soc, CustomerLine customerSummary) {
        entry(e, type, soc, customerSummary, null);
    }

    private static void entry(IncidentStory e, String type, SocLine soc, CustomerLine customerSummary, String actor) {
        if (customerSummary == null) {
            TimelineEntry.internal(e.eventId(), e.incidentId(), e.occurredAt(), type, soc, actor);
        } else {
            TimelineEntry.shared(e.eventId(), e.incidentId(), e.occurredAt(), type, soc, customerSummary, actor);
        }
    }
}

package jp.otasuke.notify.story;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jp.otasuke.common.consumer.BatchApplier;
import jp.otasuke.common.events.ClaimOpened;
import jp.otasuke.common.events.ClaimPaid;
import jp.otasuke.common.events.DispatchJobArrived;
import jp.otasuke.common.events.DispatchJobAssigned;
import jp.otasuke.common.events.DispatchJobCancelled;
import jp.otasuke.common.events.DispatchJobCompleted;
import jp.otasuke.common.events.DispatchJobEnRoute;
import jp.otasuke.common.events.Enums.IncidentKind;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.IncidentAcknowledged;
import jp.otasuke.common.events.IncidentAnswered;
import jp.otasuke.common.events.IncidentClosed;
import jp.otasuke.common.events.IncidentOpened;
import jp.otasuke.common.events.IncidentResolved;
import jp.otasuke.common.events.IncidentSlaBreached;
import jp.otasuke.common.events.IncidentStory;
import jp.otasuke.common.text.Sentence;
import jp.otasuke.notify.escalation.Escalation;
import jp.otasuke.notify.escalation.Escalations;
import jp.otasuke.notify.notice.Notice;
import jp.otasuke.notify.notice.Notices;
import jp.otasuke.notify.people.Preference;
import jp.otasuke.notify.tenant.TenantContact;

/**
 * What each event of an incident's story tells whom. The SOC: the escalation of P1/P2 incidents, stopped by the
 * acknowledgement. The SME, in plain words: a P1/P2 incident, the engineer on the way, arrived, the visit done,
 * the claim paid, the SOC's answer. The engineer: a new job, a change of plan, a cancellation. Each event is
 * applied once (inbox), its notices written in the same transaction.
 */
@ApplicationScoped
public class StoryNotices {

    private final BatchApplier applier;
    private final Notices notices;
    private final Escalations escalations;

    StoryNotices(BatchApplier applier, Notices notices, Escalations escalations) {
        this.applier = applier;
        this.notices = notices;
        this.escalations = escalations;
    }

    @Incoming("incidents")
    @Blocking
    public void incidents(ConsumerRecords<String, byte[]> records) {
        applier.applyEachOnce(records, IncidentStory.class, this::apply);
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

    void apply(IncidentStory event) {
        if (event instanceof IncidentOpened e) {
            escalations.opened(e);
            if (e.priority() == Priority.P1 || e.priority() == Priority.P2) {
                if (e.kind() == IncidentKind.ALERT) {
                    // which machines, so the SME knows which PC to leave alone
                    toSme(e, e.hosts() == null || e.hosts().isEmpty()
                            ? Sentence.of("sme.opened", "what", String.valueOf(e.category()), "openedAt", e.occurredAt())
                            : Sentence.of("sme.opened.on-hosts", "what", String.valueOf(e.category()), "openedAt", e.occurredAt(),
                                    "hosts", e.hosts()));
                } else if (e.kind() == IncidentKind.SENSOR_SILENT) {
                    toSme(e, Sentence.of("sme.sensor-silent", "openedAt", e.occurredAt()));
                }
            }
        } else if (event instanceof IncidentAcknowledged e) {
            escalations.stop(e.incidentId(), "acknowledged by " + e.acknowledgedBy(), e.occurredAt());
        } else if (event instanceof IncidentResolved e) {
            escalations.stop(e.incidentId(), "resolved", e.occurredAt());
        } else if (event instanceof IncidentClosed e) {
            escalations.stop(e.incidentId(), "closed", e.occurredAt());
        } else if (event instanceof IncidentSlaBreached e) {
            escalations.breached(e.incidentId());
        } else if (event instanceof IncidentAnswered e) {
            toSme(e, Sentence.of(e.kind() == IncidentKind.CONSULTATION ? "sme.consultation-answered" : "sme.soc-wrote",
                    "text", e.text()));
        } else if (event instanceof DispatchJobEnRoute e) {
            toSme(e, Sentence.of("sme.engineer-en-route", "engineer", e.engineerName(), "eta", e.eta()));
        } else if (event instanceof DispatchJobArrived e) {
            toSme(e, Sentence.of("sme.engineer-arrived", "arrivedAt", e.arrivedAt()));
        } else if (event instanceof DispatchJobCompleted e) {
            toSme(e, Sentence.of("sme.visit-done", "engineer", e.engineerName(), "report", e.reportSummary(),
                    "totalYen", e.totalYen()));
        } else if (event instanceof ClaimOpened e) {
            // what the insurance is expected to pay, and what the SME pays itself (the deductible, what is not covered)
            toSme(e, "NOT_COVERED".equals(e.status())
                    ? Sentence.of("sme.claim-not-covered", "claimedYen", e.claimedTotalYen())
                    : Sentence.of("sme.claim-opened", "claimedYen", e.claimedTotalYen(), "payableYen", e.payableYen(),
                            "ownYen", Math.max(0, e.claimedTotalYen() - e.payableYen()), "claimNumber", e.claimNumber()));
        } else if (event instanceof ClaimPaid e) {
            toSme(e, Sentence.of("sme.claim-paid", "paidYen", e.paidYen(), "claimNumber", e.claimNumber(), "paidOn", e.paidOn()));
        } else if (event instanceof DispatchJobAssigned e) {
            assigned(e);
        } else if (event instanceof DispatchJobCancelled e) {
            JobEngineer.of(e.jobId()).ifPresent(engineer -> toEngineer(e, engineer, Sentence.of("engineer.cancelled",
                    "tenant", tenantName(e.tenantId()))));
        }
    }

    /** A new job for the engineer; a change of plan for the one who had it, or a new time for the same one. */
    private void assigned(DispatchJobAssigned e) {
        Optional<UUID> before = JobEngineer.of(e.jobId());
        TenantContact contact = TenantContact.findById(e.tenantId());
        // what the engineer needs before setting off: where, by when, how urgent, why, and whom to call
        Sentence job = Sentence.of("engineer.assigned", "tenant", tenantName(e.tenantId()), "address", tenantAddress(e.tenantId()),
                "eta", e.plannedArrival(), "deadline", e.deadline(), "urgency", e.urgency() == null ? null : e.urgency().name(),
                "reason", e.reason() == null ? "" : e.reason(), "phone", contact == null || contact.contactPhone == null ? ""
                        : contact.contactPhone);
        if (before.isPresent() && before.get().equals(e.engineerId())) {
            toEngineer(e, e.engineerId(), Sentence.of("engineer.plan-changed", "tenant", tenantName(e.tenantId()),
                    "eta", e.plannedArrival()));
        } else {
            before.ifPresent(previous -> toEngineer(e, previous, Sentence.of("engineer.taken-off", "tenant", tenantName(e.tenantId()))));
            toEngineer(e, e.engineerId(), job);
        }
        JobEngineer.record(e.jobId(), e.engineerId(), e.occurredAt());
    }

    /**
     * To the SME: its contact address, and each of its portal users who chose how to be told (their channels, language
     * and quiet hours), once each.
     */
    private void toSme(IncidentStory e, Sentence about) {
        String priority = priorityOf(e);
        notices.write(new Notices.Draft(e.eventId() + ":sme", e.incidentId(), e.tenantId(), Notice.Audience.SME,
                Notice.RecipientKind.TENANT, e.tenantId().toString(), about, priority));
        TenantContact contact = TenantContact.findById(e.tenantId());
        for (Preference reader : Preference.<Preference>list("tenantId", e.tenantId())) {
            if (contact == null || !reader.username.equalsIgnoreCase(contact.contactEmail)) {
                notices.write(new Notices.Draft(e.eventId() + ":sme:" + reader.username, e.incidentId(), e.tenantId(),
                        Notice.Audience.SME, Notice.RecipientKind.USER, reader.username, about, priority));
            }
        }
    }

    private void toEngineer(IncidentStory e, UUID engineerId, Sentence about) {
        notices.write(new Notices.Draft(e.eventId() + ":engineer:" + engineerId, e.incidentId(), e.tenantId(),
                Notice.Audience.ENGINEER, Notice.RecipientKind.ENGINEER, engineerId.toString(), about, priorityOf(e)));
    }

    /** The incident's priority where it escalates (P1, P2): a P1's notices are not held for quiet hours. */
    private static String priorityOf(IncidentStory e) {
        if (e instanceof IncidentOpened opened) {
            return opened.priority().name();
        }
        Escalation escalation = Escalation.findById(e.incidentId());
        return escalation == null ? null : escalation.priority;
    }

    private static String tenantName(UUID tenantId) {
        TenantContact contact = TenantContact.findById(tenantId);
        return contact == null ? "" : contact.name;
    }

    private static String tenantAddress(UUID tenantId) {
        TenantContact contact = TenantContact.findById(tenantId);
        return contact == null || contact.address == null ? "" : contact.address;
    }
}

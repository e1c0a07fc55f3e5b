package jp.otasuke.triage.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.otasuke.common.events.IncidentAcknowledged;
import jp.otasuke.common.events.IncidentClosed;
import jp.otasuke.common.events.IncidentOnsiteRequested;
import jp.otasuke.common.events.IncidentOpened;
import jp.otasuke.common.events.IncidentResolved;
import jp.otasuke.common.events.IncidentSlaBreached;
import jp.otasuke.common.events.IncidentAnswered;
import jp.otasuke.common.events.IncidentUpdated;
import jp.otasuke.common.events.Enums.IncidentKind;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.outbox.Outbox;
import jp.otasuke.triage.timeline.CustomerLine;
import jp.otasuke.triage.timeline.SocLine;
import jp.otasuke.triage.timeline.TimelineEntry;

/**
 * Records each change of an incident twice, in the caller's transaction: as a timeline entry (the audit
 * trail: who, what, when) and as an event on the outbox (what the other services hear). So an announced
 * change is always on record, and a recorded one always announced.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IncidentLog {

    private final Outbox outbox;

    IncidentLog(Outbox outbox) {
        this.outbox = outbox;
    }

    public void opened(Incident i, Instant at) {
        IncidentOpened event = openedEvent(i, at);
        outbox.publish(event);
        if (i.kind == IncidentKind.CONSULTATION) {
            TimelineEntry.shared(event.eventId(), i.id, at, "incident.opened",
                    SocLine.of("incident.opened.consultation", "title", i.title, "priority", i.priority),
                    CustomerLine.of("consultation.opened", "subject", i.title), null);
        } else if (i.kind == IncidentKind.SENSOR_SILENT) {
            TimelineEntry.shared(event.eventId(), i.id, at, "incident.opened",
                    SocLine.of("incident.opened.sensor-silent", "sensor", i.sensorName, "priority", i.priority),
                    CustomerLine.of("sensor.silent", "sensor", i.sensorName), null);
        } else {
            TimelineEntry.shared(event.eventId(), i.id, at, "incident.opened",
                    SocLine.of("incident.opened", "title", i.title, "priority", i.priority, "hosts", List.of(i.hosts)),
                    PlainLanguage.opened(i), null);
        }
    }

    /** A platform operations incident, opened with the SOC's line of what happened (a dead letter: which record, why). */
    public void operationsOpened(Incident i, SocLine what, Instant at) {
        IncidentOpened event = openedEvent(i, at);
        outbox.publish(event);
        TimelineEntry.internal(event.eventId(), i.id, at, "incident.opened", what, null);
    }

    private static IncidentOpened openedEvent(Incident i, Instant at) {
        return new IncidentOpened(UUID.randomUUID(), at, i.id, i.tenantId, i.kind, i.title, i.category, i.priority,
                i.status.name(), i.ackDueAt, i.consultationId, i.hostList());
    }

    /** More alerts, hosts or a new assignee: no timeline line per alert, one event per change set. */
    public void updated(Incident i, Instant at) {
        outbox.publish(new IncidentUpdated(UUID.randomUUID(), at, i.id, i.tenantId, i.priority, i.status.name(),
                i.alertCount, i.hostList(), i.lastSeenAt, i.assignee, i.mergedInto));
    }

    public void escalated(Incident i, Priority from, Instant at) {
        TimelineEntry.internal(UUID.randomUUID(), i.id, at, "incident.escalated", SocLine.of("incident.escalated",
                "from", from, "priority", i.priority, "alerts", i.alertCount, "hostCount", i.hosts.length), null);
    }

    public void acknowledged(Incident i, Instant at) {
        IncidentAcknowledged event = new IncidentAcknowledged(UUID.randomUUID(), at, i.id, i.tenantId, i.acknowledgedBy);
        outbox.publish(event);
        TimelineEntry.shared(event.eventId(), i.id, at, "incident.acknowledged",
                SocLine.of("incident.acknowledged", "by", i.acknowledgedBy),
                CustomerLine.of("incident.acknowledged"), i.acknowledgedBy);
    }

    public void assigned(Incident i, String by, Instant at) {
        updated(i, at);
        TimelineEntry.internal(UUID.randomUUID(), i.id, at, "incident.assigned",
                SocLine.of("incident.assigned", "assignee", i.assignee), by);
    }

    public void commented(Incident i, String text, boolean forCustomer, String by, Instant at) {
        if (forCustomer) {
            TimelineEntry.shared(UUID.randomUUID(), i.id, at, "comment", SocLine.of("comment.to-customer", "text", text),
                    CustomerLine.of("comment", "text", text), by);
            updated(i, at); // the SME's page shows the answer as it comes (web's live notices follow the events)
            outbox.publish(new IncidentAnswered(UUID.randomUUID(), at, i.id, i.tenantId, i.kind, by, text)); // a notice tells the SME
        } else {
            TimelineEntry.internal(UUID.randomUUID(), i.id, at, "comment", SocLine.of("comment", "text", text), by);
        }
    }

    public void onsiteRequested(IncidentOnsiteRequested request) {
        outbox.publish(request);
        TimelineEntry.shared(request.eventId(), request.incidentId(), request.occurredAt(), "incident.onsite-requested",
                SocLine.of("incident.onsite-requested", "urgency", request.urgency(), "skills", request.requiredSkills(),
                        "reason", request.reason()),
                CustomerLine.of("incident.onsite-requested"), request.requestedBy());
    }

    public void resolved(Incident i, String by, Instant at) {
        IncidentResolved event = new IncidentResolved(UUID.randomUUID(), at, i.id, i.tenantId, i.resolution,
                i.resolutionSummary, by);
        outbox.publish(event);
        TimelineEntry.shared(event.eventId(), i.id, at, "incident.resolved",
                SocLine.of("incident.resolved", "resolution", i.resolution, "summary", i.resolutionSummary),
                CustomerLine.of("incident.resolved", "summary", i.resolutionSummary), by);
    }

    /** One more record of the same cause in the same dead-letter topic: counted on its operations incident. */
    public void operationsRecord(Incident i, SocLine what, Instant at) {
        TimelineEntry.internal(UUID.randomUUID(), i.id, at, "operations.record", what, null);
        updated(i, at);
    }

    /** A dead letter sent back to its topic after the cause was fixed. */
    public void redriven(Incident i, SocLine what, String by, Instant at) {
        TimelineEntry.internal(UUID.randomUUID(), i.id, at, "operations.redriven", what, by);
        updated(i, at);
    }

    /** The silent sensor spoke again: resolved by the platform itself, told to the SOC, dispatch and the SME. */
    public void sensorRecovered(Incident i, Instant spokeAt, Instant at) {
        IncidentResolved event = new IncidentResolved(UUID.randomUUID(), at, i.id, i.tenantId, i.resolution,
                i.resolutionSummary, null);
        outbox.publish(event);
        TimelineEntry.shared(event.eventId(), i.id, at, "incident.resolved",
                SocLine.of("incident.recovered", "sensor", i.sensorName, "spokeAt", spokeAt),
                CustomerLine.of("sensor.spoke", "sensor", i.sensorName, "spokeAt", spokeAt), null);
    }

    public void closed(Incident i, String by, Instant at) {
        IncidentClosed event = new IncidentClosed(UUID.randomUUID(), at, i.id, i.tenantId, by);
        outbox.publish(event);
        TimelineEntry.shared(event.eventId(), i.id, at, "incident.closed", SocLine.of("incident.closed"), CustomerLine.of("incident.closed"), by);
    }

    /** Both incidents changed: each gets an event and an internal timeline line naming the other. */
    public void merged(Incident into, Incident merged, String by, Instant at) {
        updated(into, at);
        updated(merged, at);
        // the SME reads it too, so that one case does not stand still beside the other with no word why
        TimelineEntry.shared(UUID.randomUUID(), into.id, at, "incident.merged-in",
                SocLine.of("incident.merged-in", "otherIncidentId", merged.id, "otherTitle", merged.title, "alerts",
                        into.alertCount, "priority", into.priority),
                CustomerLine.of("incident.merged-in", "otherIncidentId", merged.id), by);
        TimelineEntry.shared(UUID.randomUUID(), merged.id, at, "incident.merged",
                SocLine.of("incident.merged", "otherIncidentId", into.id, "otherTitle", into.title),
                CustomerLine.of("incident.merged", "otherIncidentId", into.id), by);
    }

    /** The new incident is opened like any other (event, timeline) and says where its alerts came from. */
    public void detached(Incident source, Incident split, String by, Instant at) {
        opened(split, at);
        updated(source, at);
        TimelineEntry.shared(UUID.randomUUID(), split.id, at, "incident.detached-from",
                SocLine.of("incident.detached-from", "alerts", split.alertCount, "otherIncidentId", source.id,
                        "otherTitle", source.title),
                CustomerLine.of("incident.detached-from", "otherIncidentId", source.id), by);
        TimelineEntry.shared(UUID.randomUUID(), source.id, at, "incident.detached",
                SocLine.of("incident.detached", "alerts", split.alertCount, "hosts", List.of(split.hosts),
                        "otherIncidentId", split.id, "otherTitle", split.title),
                CustomerLine.of("incident.detached", "otherIncidentId", split.id), by);
    }

    public void slaBreached(Incident i, Instant at) {
        IncidentSlaBreached event = new IncidentSlaBreached(UUID.randomUUID(), at, i.id, i.tenantId, i.priority, i.ackDueAt);
        outbox.publish(event);
        TimelineEntry.internal(event.eventId(), i.id, at, "incident.sla-breached",
                SocLine.of("incident.sla-breached", "ackDueAt", i.ackDueAt, "priority", i.priority), null);
    }
}

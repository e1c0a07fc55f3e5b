package jp.otasuke.common.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the platform: its CloudEvents type (what consumers switch on), its record and
 * its topic. A consumer that meets a type it does not know skips it: producers may add types.
 */
public enum EventCatalog {

    TENANT_UPSERTED("otasuke.tenant.upserted.v1", TenantUpserted.class, Topics.TENANTS),
    ALERT_RECEIVED("otasuke.alert.received.v1", AlertReceived.class, Topics.ALERTS),
    CONSULTATION_OPENED("otasuke.consultation.opened.v1", ConsultationOpened.class, Topics.CONSULTATIONS),
    INCIDENT_OPENED("otasuke.incident.opened.v1", IncidentOpened.class, Topics.INCIDENTS),
    INCIDENT_UPDATED("otasuke.incident.updated.v1", IncidentUpdated.class, Topics.INCIDENTS),
    INCIDENT_ACKNOWLEDGED("otasuke.incident.acknowledged.v1", IncidentAcknowledged.class, Topics.INCIDENTS),
    INCIDENT_ONSITE_REQUESTED("otasuke.incident.onsite-requested.v1", IncidentOnsiteRequested.class, Topics.INCIDENTS),
    INCIDENT_RESOLVED("otasuke.incident.resolved.v1", IncidentResolved.class, Topics.INCIDENTS),
    INCIDENT_CLOSED("otasuke.incident.closed.v1", IncidentClosed.class, Topics.INCIDENTS),
    INCIDENT_SLA_BREACHED("otasuke.incident.sla-breached.v1", IncidentSlaBreached.class, Topics.INCIDENTS),
    INCIDENT_ANSWERED("otasuke.incident.answered.v1", IncidentAnswered.class, Topics.INCIDENTS),
    DISPATCH_JOB_CREATED("otasuke.dispatch.job-created.v1", DispatchJobCreated.class, Topics.DISPATCH),
    DISPATCH_JOB_ASSIGNED("otasuke.dispatch.job-assigned.v1", DispatchJobAssigned.class, Topics.DISPATCH),
    DISPATCH_JOB_ACCEPTED("otasuke.dispatch.job-accepted.v1", DispatchJobAccepted.class, Topics.DISPATCH),
    DISPATCH_JOB_DECLINED("otasuke.dispatch.job-declined.v1", DispatchJobDeclined.class, Topics.DISPATCH),
    DISPATCH_JOB_EN_ROUTE("otasuke.dispatch.job-en-route.v1", DispatchJobEnRoute.class, Topics.DISPATCH),
    DISPATCH_JOB_ARRIVED("otasuke.dispatch.job-arrived.v1", DispatchJobArrived.class, Topics.DISPATCH),
    DISPATCH_JOB_COMPLETED("otasuke.dispatch.job-completed.v1", DispatchJobCompleted.class, Topics.DISPATCH),
    DISPATCH_JOB_CANCELLED("otasuke.dispatch.job-cancelled.v1", DispatchJobCancelled.class, Topics.DISPATCH),
    DISPATCH_JOB_UNASSIGNABLE("otasuke.dispatch.job-unassignable.v1", DispatchJobUnassignable.class, Topics.DISPATCH),
    CLAIM_OPENED("otasuke.claim.opened.v1", ClaimOpened.class, Topics.CLAIMS),
    CLAIM_DECIDED("otasuke.claim.decided.v1", ClaimDecided.class, Topics.CLAIMS),
    CLAIM_PAID("otasuke.claim.paid.v1", ClaimPaid.class, Topics.CLAIMS),
    CLAIM_CLOSED("otasuke.claim.closed.v1", ClaimClosed.class, Topics.CLAIMS),
    SENSOR_SILENT("otasuke.sensor.silent.v1", SensorSilent.class, Topics.SENSORS),
    SENSOR_SPOKE("otasuke.sensor.spoke.v1", SensorSpoke.class, Topics.SENSORS),
    NOTICE_SENT("otasuke.notice.sent.v1", NoticeSent.class, Topics.NOTICES);

    private static final Map<String, EventCatalog> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventCatalog::type, Function.identity()));
    private static final Map<Class<?>, EventCatalog> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventCatalog::eventClass, Function.identity()));

    private final String type;
    private final Class<? extends OtasukeEvent> eventClass;
    private final String topic;

    EventCatalog(String type, Class<? extends OtasukeEvent> eventClass, String topic) {
        this.type = type;
        this.eventClass = eventClass;
        this.topic = topic;
    }

    public String type() {
        return type;
    }

    public Class<? extends OtasukeEvent> eventClass() {
        return eventClass;
    }

    public String topic() {
        return topic;
    }

    public static Optional<EventCatalog> ofType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventCatalog of(OtasukeEvent event) {
        EventCatalog entry = BY_CLASS.get(event.getClass());
        if (entry == null) {
            throw new IllegalArgumentException("Not in the event catalog: " + event.getClass().getName());
        }
        return entry;
    }
}

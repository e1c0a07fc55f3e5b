package jp.otasuke.triage.incident;

import java.time.Instant;
import java.util.UUID;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Severity;

/** An alert behind an incident, as the SOC reads it (with the raw record the sensor sent). */
public record AlertView(UUID id, UUID sensorId, String format, String sourceRef, Instant observedAt,
        Instant receivedAt, AlertCategory category, Severity severity, String title, String host, String srcIp,
        String dstIp, String user, String signature, String raw) {

    public static AlertView of(IncidentAlert a) {
        return new AlertView(a.id, a.sensorId, a.format, a.sourceRef, a.observedAt, a.receivedAt, a.category,
                a.severity, a.title, a.host, a.srcIp, a.dstIp, a.user, a.signature, a.raw);
    }
}

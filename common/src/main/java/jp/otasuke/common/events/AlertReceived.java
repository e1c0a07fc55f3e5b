package jp.otasuke.common.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A normalised alert from a sensor. {@code alertId} is deterministic (UUID v5 of the sensor and the
 * source's own reference, or of the raw bytes), so the same alert sent twice is the same alert; it is
 * also the event id.
 */
public record AlertReceived(UUID eventId, Instant occurredAt, UUID alertId, UUID tenantId, UUID sensorId,
        Enums.SensorKind sensorKind, String format, String sourceRef, Instant observedAt,
        Enums.AlertCategory category, Enums.Severity severity, String title, String host, String srcIp,
        String dstIp, String user, String signature, Map<String, String> details, String raw)
        implements OtasukeEvent {

    @Override
    public String subjectId() {
        return alertId.toString();
    }

    @Override
    public String partitionKey() {
        return tenantId.toString();
    }
}

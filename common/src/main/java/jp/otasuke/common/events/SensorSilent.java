package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

import jp.otasuke.common.events.Enums.SensorKind;

/**
 * A sensor said nothing (no alert, no syslog line, no heartbeat) for longer than it is expected to: one event per
 * silence, which {@link #silenceId()} names; {@code lastSeenAt} is null when it never spoke at all.
 */
public record SensorSilent(UUID eventId, Instant occurredAt, UUID silenceId, UUID sensorId, UUID tenantId,
        String sensorName, SensorKind kind, Instant lastSeenAt, int expectedEverySeconds) implements OtasukeEvent {

    @Override
    public String partitionKey() {
        return sensorId.toString();
    }

    @Override
    public String subjectId() {
        return sensorId.toString();
    }
}

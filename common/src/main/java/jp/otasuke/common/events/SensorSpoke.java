package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** A silent sensor was heard again: the silence {@link #silenceId()} is over. */
public record SensorSpoke(UUID eventId, Instant occurredAt, UUID silenceId, UUID sensorId, UUID tenantId,
        String sensorName, Instant spokeAt) implements OtasukeEvent {

    @Override
    public String partitionKey() {
        return sensorId.toString();
    }

    @Override
    public String subjectId() {
        return sensorId.toString();
    }
}

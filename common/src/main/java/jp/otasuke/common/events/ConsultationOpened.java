package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** An SME asked the consultation desk for help. */
public record ConsultationOpened(UUID eventId, Instant occurredAt, UUID consultationId, UUID tenantId,
        String subject, String body, String contactPhone, String openedBy) implements OtasukeEvent {

    @Override
    public String partitionKey() {
        return tenantId.toString();
    }

    @Override
    public String subjectId() {
        return consultationId.toString();
    }
}

package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The SOC wrote to the SME on an incident (a comment the SME may read): the answer to a consultation, or word on
 * an incident. Notices tell the SME that it is there.
 */
public record IncidentAnswered(UUID eventId, Instant occurredAt, UUID incidentId, UUID tenantId, Enums.IncidentKind kind,
        String answeredBy, String text) implements IncidentStory {
}

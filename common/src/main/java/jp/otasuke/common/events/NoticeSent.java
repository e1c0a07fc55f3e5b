package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A person was told about an incident: who ({@code recipient}, a username or an address), how ({@code channel}:
 * EMAIL or CHAT), why ({@code about}, e.g. {@code escalation.level-2}, {@code sme.engineer-en-route}) and in which
 * role ({@code audience}: SOC, SME or ENGINEER). The incident's timeline shows it; the SME sees only its own.
 */
public record NoticeSent(UUID eventId, Instant occurredAt, UUID noticeId, UUID incidentId, UUID tenantId, String audience,
        String recipient, String channel, String about, Instant sentAt) implements IncidentStory {
}

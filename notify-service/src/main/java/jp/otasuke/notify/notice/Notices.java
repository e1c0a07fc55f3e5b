package jp.otasuke.notify.notice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import jp.otasuke.common.text.Sentence;

/**
 * Writes notices in the caller's transaction (the one that consumed the event, or took an escalation step), once
 * per dedupe key: a redelivered event or a step taken again after a crash writes nothing new.
 */
@ApplicationScoped
public class Notices {

    /** What to write: to whom, about what (the words' key in texts/notices and their facts), how urgent. */
    public record Draft(String dedupeKey, UUID incidentId, UUID tenantId, Notice.Audience audience, Notice.RecipientKind kind,
            String recipient, Sentence about, String priority) {
    }


    @Transactional(Transactional.TxType.MANDATORY)
    public void write(Draft draft) {
        int written = Notice.getEntityManager().createNativeQuery("""
                insert into notice (id, dedupe_key, incident_id, tenant_id, audience, recipient_kind, recipient, about, facts,
                                    priority, status, next_attempt_at, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as jsonb), ?10, 'PENDING', ?11, ?11)
                on conflict (dedupe_key) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, draft.dedupeKey()).setParameter(3, draft.incidentId())
                .setParameter(4, draft.tenantId()).setParameter(5, draft.audience().name()).setParameter(6, draft.kind().name())
                .setParameter(7, draft.recipient()).setParameter(8, draft.about().key())
                .setParameter(9, NoticeJson.write(draft.about().facts())).setParameter(10, draft.priority())
                .setParameter(11, Instant.now()).executeUpdate();
        if (written == 1) {
            Log.infof("Notice %s to %s %s about incident %s", draft.about().key(), draft.kind(), shown(draft), draft.incidentId());
        }
    }

    public void writeAll(List<Draft> drafts) {
        drafts.forEach(this::write);
    }

    /** The escalation notices of an incident not sent yet: cancelled, so nobody is told after the acknowledgement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelEscalation(UUID incidentId) {
        return Notice.update("status = ?1 where incidentId = ?2 and status = ?3 and audience = ?4 and about like 'soc.%'",
                Notice.CANCELLED, incidentId, Notice.PENDING, Notice.Audience.SOC.name());
    }

    /** A team chat's webhook is a credential: never in a log line. */
    private static String shown(Draft draft) {
        return draft.kind() == Notice.RecipientKind.TEAM_CHAT ? "(team chat)" : draft.recipient();
    }
}

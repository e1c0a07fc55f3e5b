package jp.otasuke.notify.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.otasuke.common.work.DueWork;

/**
 * Looks at the escalation clocks in the database and takes the steps that are due. Rows are taken with SKIP LOCKED,
 * so several instances share the work and an acknowledgement being applied (which locks the row) is never raced.
 */
@ApplicationScoped
public class EscalationWatch implements DueWork<UUID> {

    private static final int BATCH = 100;

    private final Escalations escalations;
    private final Duration every;

    EscalationWatch(Escalations escalations, EscalationConfig config) {
        this.escalations = escalations;
        this.every = config.watchEvery();
    }

    @Override
    public Schedule schedule() {
        return Schedule.inClaim("escalation-watch", every, BATCH);
    }

    /** Takes the steps that are due, in the claiming transaction: a step only writes notices, which the notice worker sends. */
    @Override
    public List<UUID> claim(int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> due = Escalation.getEntityManager().createNativeQuery("select incident_id from escalation"
                + " where stopped_at is null and next_step_at <= ?1 order by next_step_at limit ?2"
                + " for update skip locked", UUID.class).setParameter(1, Instant.now()).setParameter(2, limit).getResultList();
        for (UUID id : due) {
            Escalation escalation = Escalation.findById(id);
            escalations.take(escalation, escalation.step + 1);
        }
        return due;
    }
}

package jp.otasuke.notify.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.work.DueWork;
import jp.otasuke.common.work.DueWorker;

/**
 * Looks at the escalation clocks in the database and takes the steps that are due. Rows are taken with SKIP LOCKED,
 * so several instances share the work and an acknowledgement being applied (which locks the row) is never raced.
 */
@ApplicationScoped
public class EscalationWatch implements DueWork<UUID> {

    private static final int BATCH = 100;

    private final Escalations escalations;
    private final Duration every;
    private DueWorker worker;

    EscalationWatch(Escalations escalations, EscalationConfig config) {
        this.escalations = escalations;
        this.every = config.watchEvery();
    }

    void start(@Observes StartupEvent event) {
        worker = DueWorker.startInClaim("escalation-watch", this, every, BATCH);
    }

    void stop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(5));
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

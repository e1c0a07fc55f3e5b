package jp.otasuke.notify.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Looks at the escalation clocks in the database and takes the steps that are due. Rows are taken with SKIP LOCKED,
 * so several instances share the work and an acknowledgement being applied (which locks the row) is never raced.
 */
@ApplicationScoped
public class EscalationWatch {

    private static final int BATCH = 100;

    private final Escalations escalations;

    EscalationWatch(Escalations escalations) {
        this.escalations = escalations;
    }

    @Scheduled(every = "${otasuke.escalation.watch-every}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        try {
            int taken;
            do {
                taken = QuarkusTransaction.requiringNew().call(this::takeDueSteps);
            } while (taken == BATCH);
        } catch (RuntimeException e) {
            // the database may be restarting: the clocks wait in it, the next watch takes what is due
            Log.warnf("Escalation watch failed, will retry: %s", e.toString());
        }
    }

    int takeDueSteps() {
        @SuppressWarnings("unchecked")
        List<UUID> due = Escalation.getEntityManager().createNativeQuery("select incident_id from escalation"
                + " where stopped_at is null and next_step_at <= ?1 order by next_step_at limit " + BATCH
                + " for update skip locked", UUID.class).setParameter(1, Instant.now()).getResultList();
        for (UUID id : due) {
            Escalation escalation = Escalation.findById(id);
            escalations.take(escalation, escalation.step + 1);
        }
        return due.size();
    }
}

package jp.otasuke.triage.sla;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jp.otasuke.triage.incident.Incident;
import jp.otasuke.triage.incident.IncidentLog;
import jp.otasuke.triage.incident.IncidentStatus;

/**
 * Flags incidents nobody acknowledged in time. The clocks are the incidents' {@code ack_due_at} in the
 * database, not timers in memory, so a breach that fell due while the service was down is flagged at the
 * first check after it is back. Rows are taken with SKIP LOCKED, so several instances share the work and
 * an incident is flagged, and announced, once.
 */
@ApplicationScoped
public class SlaWatch {

    private static final int BATCH = 200;

    private final IncidentLog log;

    SlaWatch(IncidentLog log) {
        this.log = log;
    }

    @Scheduled(every = "${otasuke.triage.sla-check-every:10s}", delayed = "${otasuke.triage.sla-check-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            int flagged;
            do {
                flagged = QuarkusTransaction.requiringNew().call(this::flagOverdue);
            } while (flagged == BATCH);
        } catch (RuntimeException e) {
            // the database may be restarting: the next check catches up, since the clocks live there
            Log.warnf("SLA check failed, will retry: %s", e.toString());
        }
    }

    int flagOverdue() {
        Instant now = Instant.now();
        List<Incident> overdue = Incident.<Incident>find("status = ?1 and slaBreached = false and ackDueAt <= ?2",
                IncidentStatus.OPEN, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .page(0, BATCH).list();
        for (Incident incident : overdue) {
            if (incident.breachSla()) {
                log.slaBreached(incident, now);
                Log.infof("Incident %s (%s) breached its acknowledge SLA (due %s)", incident.id, incident.priority,
                        incident.ackDueAt);
            }
        }
        return overdue.size();
    }
}

package jp.otasuke.triage.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import jp.otasuke.common.work.DueWork;
import jp.otasuke.triage.TriageConfig;
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
public class SlaWatch implements DueWork<Incident> {

    private static final int BATCH = 200;

    private final IncidentLog log;
    private final Duration every;

    SlaWatch(IncidentLog log, TriageConfig config) {
        this.log = log;
        this.every = config.slaCheckEvery();
    }

    @Override
    public Schedule schedule() {
        return Schedule.inClaim("sla-watch", every, BATCH);
    }

    /** Flags the incidents past their acknowledge-due time, in the claiming transaction (there is nothing to call). */
    @Override
    public List<Incident> claim(int limit) {
        Instant now = Instant.now();
        List<Incident> overdue = Incident.<Incident>find("status = ?1 and slaBreached = false and ackDueAt <= ?2",
                IncidentStatus.OPEN, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .page(0, limit).list();
        for (Incident incident : overdue) {
            if (incident.breachSla()) {
                log.slaBreached(incident, now);
                Log.infof("Incident %s (%s) breached its acknowledge SLA (due %s)", incident.id, incident.priority,
                        incident.ackDueAt);
            }
        }
        return overdue;
    }
}

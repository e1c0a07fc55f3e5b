package jp.otasuke.ingest.sensor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jp.otasuke.common.events.SensorSilent;
import jp.otasuke.common.events.SensorSpoke;
import jp.otasuke.common.outbox.Outbox;

/**
 * Finds sensors that went silent and silences that ended, and announces each once (through the outbox, in the
 * transaction that records it). The clocks live in the database — each sensor's {@code silent_after}, each open
 * {@code sensor_silence} — so a restart neither forgets a silence nor announces it twice, and rows are taken with
 * SKIP LOCKED so several instances share the watch.
 */
@ApplicationScoped
public class SensorWatch {

    private static final int BATCH = 200;

    private final Outbox outbox;

    SensorWatch(Outbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(every = "${otasuke.sensors.watch-every:30s}", delayed = "${otasuke.sensors.watch-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        try {
            int found;
            do {
                found = QuarkusTransaction.requiringNew().call(this::openSilences);
            } while (found == BATCH);
            do {
                found = QuarkusTransaction.requiringNew().call(this::endSilences);
            } while (found == BATCH);
        } catch (RuntimeException e) {
            // the database may be restarting: the next watch catches up, since the clocks live there
            Log.warnf("Sensor watch failed, will retry: %s", e.toString());
        }
    }

    /** Active sensors past their silent_after with no open silence: one silence each. */
    int openSilences() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<UUID> due = Sensor.getEntityManager().createNativeQuery("select id from sensor s where revoked_at is null"
                + " and silent_after < ?1 and not exists (select 1 from sensor_silence x where x.sensor_id = s.id"
                + " and x.ended_at is null) order by silent_after limit " + BATCH + " for update skip locked", UUID.class)
                .setParameter(1, now).getResultList();
        for (UUID id : due) {
            Sensor sensor = Sensor.findById(id);
            SensorSilence silence = new SensorSilence();
            silence.id = UUID.randomUUID();
            silence.sensorId = sensor.id;
            silence.tenantId = sensor.tenantId;
            silence.startedAt = now;
            silence.lastSeenAt = sensor.lastSeenAt;
            silence.persist();
            outbox.publish(new SensorSilent(UUID.randomUUID(), now, silence.id, sensor.id, sensor.tenantId, sensor.name,
                    sensor.kind, sensor.lastSeenAt, sensor.expectedEverySeconds));
            Log.infof("Sensor %s of tenant %s is silent (last seen %s, expected every %d s)", sensor.id, sensor.tenantId,
                    sensor.lastSeenAt, sensor.expectedEverySeconds);
        }
        return due.size();
    }

    /** Open silences whose sensor said something since the silence began: ended, and announced. */
    int endSilences() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<UUID> heard = SensorSilence.getEntityManager().createNativeQuery("select x.id from sensor_silence x"
                + " join sensor s on s.id = x.sensor_id where x.ended_at is null and s.last_seen_at is not null"
                + " and (x.last_seen_at is null or s.last_seen_at > x.last_seen_at)"
                + " limit " + BATCH + " for update of x skip locked", UUID.class).getResultList();
        for (UUID id : heard) {
            SensorSilence silence = SensorSilence.findById(id);
            Sensor sensor = Sensor.findById(silence.sensorId);
            silence.endedAt = now;
            outbox.publish(new SensorSpoke(UUID.randomUUID(), now, silence.id, sensor.id, sensor.tenantId, sensor.name,
                    sensor.lastSeenAt));
            Log.infof("Sensor %s of tenant %s speaks again (%s)", sensor.id, sensor.tenantId, sensor.lastSeenAt);
        }
        return heard.size();
    }
}

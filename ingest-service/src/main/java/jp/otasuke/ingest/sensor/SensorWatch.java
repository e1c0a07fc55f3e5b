package jp.otasuke.ingest.sensor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import jp.otasuke.common.events.SensorSilent;
import jp.otasuke.common.events.SensorSpoke;
import jp.otasuke.common.outbox.Outbox;
import jp.otasuke.common.work.DueWork;

/**
 * Finds sensors that went silent and silences that ended, and announces each once (through the outbox, in the
 * transaction that records it). The clocks live in the database — each sensor's {@code silent_after}, each open
 * {@code sensor_silence} — so a restart neither forgets a silence nor announces it twice, and rows are taken with
 * SKIP LOCKED so several instances share the watch.
 */
@ApplicationScoped
public class SensorWatch implements DueWork<UUID> {

    private static final int BATCH = 200;

    private final Outbox outbox;
    private final Duration every;

    SensorWatch(Outbox outbox, SensorHealthConfig config) {
        this.outbox = outbox;
        this.every = config.watchEvery();
    }

    @Override
    public Schedule schedule() {
        return Schedule.inClaim("sensor-watch", every, BATCH);
    }

    /** Opens the silences that began and ends those that ended, in the claiming transaction (there is nothing to call). */
    @Override
    public List<UUID> claim(int limit) {
        List<UUID> done = new ArrayList<>(openSilences(limit));
        done.addAll(endSilences(limit - done.size()));
        return done;
    }

    /** Active sensors past their silent_after with no open silence: one silence each. */
    List<UUID> openSilences(int limit) {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<UUID> due = Sensor.getEntityManager().createNativeQuery("select id from sensor s where revoked_at is null"
                + " and silent_after < ?1 and not exists (select 1 from sensor_silence x where x.sensor_id = s.id"
                + " and x.ended_at is null) order by silent_after limit ?2 for update skip locked", UUID.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
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
        return due;
    }

    /** Open silences whose sensor said something since the silence began: ended, and announced. */
    List<UUID> endSilences(int limit) {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<UUID> heard = SensorSilence.getEntityManager().createNativeQuery("select x.id from sensor_silence x"
                + " join sensor s on s.id = x.sensor_id where x.ended_at is null and s.last_seen_at is not null"
                + " and (x.last_seen_at is null or s.last_seen_at > x.last_seen_at)"
                + " limit ?1 for update of x skip locked", UUID.class).setParameter(1, limit).getResultList();
        for (UUID id : heard) {
            SensorSilence silence = SensorSilence.findById(id);
            Sensor sensor = Sensor.findById(silence.sensorId);
            silence.endedAt = now;
            outbox.publish(new SensorSpoke(UUID.randomUUID(), now, silence.id, sensor.id, sensor.tenantId, sensor.name,
                    sensor.lastSeenAt));
            Log.infof("Sensor %s of tenant %s speaks again (%s)", sensor.id, sensor.tenantId, sensor.lastSeenAt);
        }
        return heard;
    }
}

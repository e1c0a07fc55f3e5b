package jp.otasuke.ingest.sensor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * When each sensor was last heard (any alert, any syslog line, a heartbeat). Intake only notes the moment in memory,
 * so a busy sensor costs no database write per alert; the notes are written every few seconds, one update per sensor
 * seen since the last flush (and at shutdown). A crash loses at most one flush of sightings, which the grace added
 * to every interval covers.
 */
@ApplicationScoped
public class SensorSightings {

    private final Map<UUID, Instant> unwritten = new ConcurrentHashMap<>();
    private final SensorHealthConfig config;

    SensorSightings(SensorHealthConfig config) {
        this.config = config;
    }

    public void seen(Sensor sensor) {
        unwritten.merge(sensor.id, Instant.now(), (a, b) -> a.isAfter(b) ? a : b);
    }

    @Scheduled(every = "${otasuke.sensors.flush-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        if (unwritten.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, Instant>> batch = new ArrayList<>();
        for (UUID id : List.copyOf(unwritten.keySet())) {
            Instant at = unwritten.remove(id);
            if (at != null) {
                batch.add(Map.entry(id, at));
            }
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(e -> Sensor.getEntityManager().createNativeQuery(
                    "update sensor set last_seen_at = ?1, silent_after = cast(?1 as timestamptz) + make_interval(secs => expected_every_seconds + ?2)"
                            + " where id = ?3 and (last_seen_at is null or last_seen_at < ?1)")
                    .setParameter(1, e.getValue()).setParameter(2, (double) config.grace().toSeconds())
                    .setParameter(3, e.getKey()).executeUpdate()));
        } catch (RuntimeException e) {
            // the database may be restarting: keep the sightings for the next flush
            batch.forEach(s -> unwritten.merge(s.getKey(), s.getValue(), (a, b) -> a.isAfter(b) ? a : b));
            Log.warnf("Could not write %d sensor sightings, will retry: %s", batch.size(), e.toString());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        flush();
    }
}

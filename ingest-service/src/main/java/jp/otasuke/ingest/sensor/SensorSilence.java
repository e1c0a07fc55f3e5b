package jp.otasuke.ingest.sensor;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One silence of a sensor, from the watch finding it quiet to its next word. */
@Entity
@Table(name = "sensor_silence")
public class SensorSilence extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "sensor_id")
    public UUID sensorId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "started_at")
    public Instant startedAt;
    /** What the sensor had last said when the silence began (null: never). */
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    @Column(name = "ended_at")
    public Instant endedAt;
}

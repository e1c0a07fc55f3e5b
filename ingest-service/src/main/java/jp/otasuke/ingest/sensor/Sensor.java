package jp.otasuke.ingest.sensor;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.events.Enums.SensorKind;

/** A network sensor or endpoint agent of a tenant. */
@Entity
// named: parsed once at boot, where a query string is parsed again on every request (every alert batch asks)
@NamedQuery(name = "Sensor.activeByKeyHash", query = "from Sensor where keyHash = ?1 and revokedAt is null")
@NamedQuery(name = "Sensor.activeBySourceAddress", query = "from Sensor where sourceAddress = ?1 and revokedAt is null")
public class Sensor extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Enumerated(EnumType.STRING)
    public SensorKind kind;
    public String name;
    @Column(name = "source_address")
    public String sourceAddress;
    @Column(name = "key_hash")
    public String keyHash;
    @Column(name = "key_prefix")
    public String keyPrefix;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    /** When it last said anything; written at most once per flush of the sightings, not per alert. */
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    @Column(name = "expected_every_seconds")
    public int expectedEverySeconds;
    /** Past this moment without a word it is silent: last seen (or registered) + expected interval + grace. */
    @Column(name = "silent_after")
    public Instant silentAfter;

    /** What the API says of it. */
    public enum State { LIVE, SILENT, REVOKED }

    public boolean active() {
        return revokedAt == null;
    }

    public State state(Instant now) {
        if (!active()) {
            return State.REVOKED;
        }
        return now.isAfter(silentAfter) ? State.SILENT : State.LIVE;
    }

    /** The expected interval when the registration names none: appliances log constantly, agents check in hourly. */
    public static int defaultExpectedEverySeconds(SensorKind kind) {
        return kind == SensorKind.NETWORK ? 900 : 3600;
    }

    /** The active sensor holding this key; a revoked key finds nothing, at once. */
    public static Optional<Sensor> byKey(String presentedKey) {
        return find("#Sensor.activeByKeyHash", SensorKey.hash(presentedKey)).firstResultOptional();
    }

    /** The active sensor registered for a syslog sender's address. */
    public static Optional<Sensor> bySourceAddress(String address) {
        return find("#Sensor.activeBySourceAddress", address).firstResultOptional();
    }
}

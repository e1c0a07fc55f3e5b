package jp.otasuke.triage.incident;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Severity;

/**
 * An alert behind an incident. Its id is the alert's deterministic id, and the primary key: a redelivered
 * or re-sent alert is the same row, so it never counts twice.
 */
@Entity
@Table(name = "incident_alert")
public class IncidentAlert extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "sensor_id")
    public UUID sensorId;
    public String format;
    @Column(name = "source_ref")
    public String sourceRef;
    @Column(name = "observed_at")
    public Instant observedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public AlertCategory category;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    public String title;
    public String host;
    @Column(name = "src_ip")
    public String srcIp;
    @Column(name = "dst_ip")
    public String dstIp;
    @Column(name = "username")
    public String user;
    public String signature;
    public String raw;

    public static IncidentAlert of(AlertReceived alert, UUID incidentId) {
        IncidentAlert row = new IncidentAlert();
        row.id = alert.alertId();
        row.incidentId = incidentId;
        row.tenantId = alert.tenantId();
        row.sensorId = alert.sensorId();
        row.format = alert.format();
        row.sourceRef = alert.sourceRef();
        row.observedAt = alert.observedAt();
        row.receivedAt = alert.occurredAt();
        row.category = alert.category();
        row.severity = alert.severity();
        row.title = alert.title();
        row.host = alert.host();
        row.srcIp = alert.srcIp();
        row.dstIp = alert.dstIp();
        row.user = alert.user();
        row.signature = alert.signature();
        row.raw = alert.raw();
        return row;
    }

    private static final String INSERT = """
            insert into incident_alert (id, incident_id, tenant_id, sensor_id, format, source_ref, observed_at,
                received_at, category, severity, title, host, src_ip, dst_ip, username, signature, raw)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /**
     * Inserts rows in JDBC batches on the transaction's connection. This is correlation's hot path (every alert,
     * thousands a second): going around the entity layer saves its per-entity bookkeeping and dirty checks, and
     * the driver's {@code reWriteBatchedInserts} turns a batch into multi-row inserts. The incidents the rows
     * point to must be flushed first.
     */
    public static void insertAll(List<IncidentAlert> rows) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (IncidentAlert row : rows) {
                    row.bind(insert);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private void bind(PreparedStatement insert) throws SQLException {
        insert.setObject(1, id);
        insert.setObject(2, incidentId);
        insert.setObject(3, tenantId);
        insert.setObject(4, sensorId);
        insert.setString(5, format);
        insert.setString(6, sourceRef);
        insert.setObject(7, observedAt.atOffset(ZoneOffset.UTC));
        insert.setObject(8, receivedAt == null ? null : receivedAt.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setString(9, category.name());
        insert.setString(10, severity.name());
        insert.setString(11, title);
        insert.setString(12, host);
        insert.setString(13, srcIp);
        insert.setString(14, dstIp);
        insert.setString(15, user);
        insert.setString(16, signature);
        insert.setString(17, raw);
    }

    /** Which of these alert ids are stored already (one array parameter, however many ids). */
    public static Set<UUID> known(Collection<UUID> ids, Collection<Instant> observed) {
        // a millisecond either side: the database keeps microseconds, an Instant may have more
        Instant first = observed.stream().min(Instant::compareTo).orElseThrow().minusMillis(1);
        Instant last = observed.stream().max(Instant::compareTo).orElseThrow().plusMillis(1);
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            // the observed range lets PostgreSQL look only in the months the batch's alerts belong to
            try (PreparedStatement select = connection.prepareStatement("select id from incident_alert where id = any(?)"
                    + " and observed_at between ? and ?")) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                select.setObject(2, first.atOffset(ZoneOffset.UTC));
                select.setObject(3, last.atOffset(ZoneOffset.UTC));
                Set<UUID> known = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        known.add(rows.getObject(1, UUID.class));
                    }
                }
                return known;
            }
        });
    }

    /** The host the alert is about, as incidents count hosts (named host, else destination, else source address). */
    public java.util.Optional<String> hostName() {
        return Incident.hostOf(host, dstIp, srcIp);
    }

    /** Of these ids, the alerts that belong to the incident. */
    public static List<IncidentAlert> ofIncident(UUID incidentId, Collection<UUID> ids) {
        return list("incidentId = ?1 and id in ?2", incidentId, ids);
    }

    /** The incident's alerts about this host (as {@link #hostName()} names it). */
    public static List<IncidentAlert> aboutHost(UUID incidentId, String host) {
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        return list("incidentId = ?1 and lower(trim(coalesce(host, dstIp, srcIp))) = ?2", incidentId, h);
    }

    /** Every alert of the incident: recounting after a detach reads them all (a one-off step, not the hot path). */
    public static List<IncidentAlert> allOf(UUID incidentId) {
        return list("incidentId", incidentId);
    }

    /** Moves these alerts (or all of {@code from}'s, when {@code ids} is null) to another incident. */
    public static int move(UUID from, Collection<UUID> ids, UUID to) {
        return ids == null ? update("incidentId = ?1 where incidentId = ?2", to, from)
                : update("incidentId = ?1 where incidentId = ?2 and id in ?3", to, from, ids);
    }
}

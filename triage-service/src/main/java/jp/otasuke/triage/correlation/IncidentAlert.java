package jp.otasuke.triage.correlation;

import java.time.Instant;
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

    static IncidentAlert of(AlertReceived alert, UUID incidentId) {
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

    /** Which of these alert ids are stored already. */
    static Set<UUID> known(Collection<UUID> ids) {
        return new HashSet<>(getEntityManager()
                .createQuery("select a.id from IncidentAlert a where a.id in :ids", UUID.class)
                .setParameter("ids", ids).getResultList());
    }

    /** An incident's alerts in id order (the cursor order); the caller has checked it may see the incident. */
    public static List<IncidentAlert> of(UUID incidentId, UUID after, int rows) {
        return after == null
                ? find("incidentId = ?1 order by id", incidentId).page(0, rows).list()
                : find("incidentId = ?1 and id > ?2 order by id", incidentId, after).page(0, rows).list();
    }
}

package jp.otasuke.triage.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.IncidentKind;
import jp.otasuke.common.events.Enums.Priority;

/** An incident in the SOC's queue. */
@Entity
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Enumerated(EnumType.STRING)
    public IncidentKind kind;
    public String title;
    @Enumerated(EnumType.STRING)
    public AlertCategory category;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    public String status;
    @Column(name = "alert_count")
    public int alertCount;
    @Column(name = "first_seen_at")
    public Instant firstSeenAt;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    @Column(name = "ack_due_at")
    public Instant ackDueAt;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "sla_breached")
    public boolean slaBreached;
    public String assignee;
    @Version
    public long version;

    /**
     * The queue: by priority, then acknowledge-due time; tenant-scoped when {@code tenantId} is given
     * (an SME user's own incidents). Keyset on id keeps pages stable while the queue changes.
     */
    public static List<Incident> queue(UUID tenantId, UUID after, int limit) {
        Keyset page = Keyset.of("tenantId", tenantId, after);
        return find(page.query(), page.parameters()).page(0, limit).list();
    }

    /** One incident, visible only within the tenant when {@code tenantId} is given (else any). */
    public static Incident visible(UUID id, UUID tenantId) {
        Incident incident = findById(id);
        return incident == null || (tenantId != null && !tenantId.equals(incident.tenantId)) ? null : incident;
    }
}

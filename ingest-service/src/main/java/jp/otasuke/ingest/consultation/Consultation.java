package jp.otasuke.ingest.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.paging.Keyset;

/** A request for help from an SME. */
@Entity
public class Consultation extends PanacheEntityBase {

    public static final String OPEN = "OPEN";

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String subject;
    public String body;
    @Column(name = "contact_phone")
    public String contactPhone;
    public String status;
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "created_at")
    public Instant createdAt;

    /** A page in id order; only the tenant's own when {@code tenantId} is given. */
    public static List<Consultation> page(UUID tenantId, UUID after, int limit) {
        Keyset page = Keyset.of("tenantId", tenantId, after);
        return find(page.query(), page.parameters()).page(0, limit).list();
    }
}

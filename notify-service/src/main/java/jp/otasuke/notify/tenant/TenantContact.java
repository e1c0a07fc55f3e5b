package jp.otasuke.notify.tenant;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.events.TenantUpserted;

/** Whom to tell at an SME (its contact address) and what to call it, as the tenants topic last said. */
@Entity
@Table(name = "tenant_contact")
public class TenantContact extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String name;
    @Column(name = "contact_email")
    public String contactEmail;
    public String address;
    @Column(name = "contact_phone")
    public String contactPhone;
    public boolean active;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The newer state wins; an older one redelivered changes nothing. */
    static void record(TenantUpserted event) {
        TenantContact contact = findById(event.tenantId());
        if (contact != null && contact.updatedAt.isAfter(event.occurredAt())) {
            return;
        }
        boolean first = contact == null;
        if (first) {
            contact = new TenantContact();
            contact.tenantId = event.tenantId();
        }
        contact.name = event.name();
        contact.contactEmail = event.contactEmail();
        contact.contactPhone = event.contactPhone();
        contact.address = event.site() == null ? null
                : String.join(" ", java.util.stream.Stream.of(event.site().prefecture(), event.site().address())
                        .filter(java.util.Objects::nonNull).toList());
        contact.active = event.active();
        contact.updatedAt = event.occurredAt();
        if (first) {
            contact.persist();
        }
    }
}

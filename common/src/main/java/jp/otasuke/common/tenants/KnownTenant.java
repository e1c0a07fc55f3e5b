package jp.otasuke.common.tenants;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.events.Site;
import jp.otasuke.common.events.TenantUpserted;

/** A consuming service's copy of a tenant, kept up to date from the tenants topic. */
@Entity
@Table(name = "known_tenant")
public class KnownTenant extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String name;
    @Column(name = "postal_code")
    public String postalCode;
    public String prefecture;
    public String address;
    public Double latitude;
    public Double longitude;
    @Column(name = "plan_type")
    public String planType;
    @Column(name = "endpoint_count")
    public Integer endpointCount;
    @Column(name = "monthly_fee_yen")
    public Long monthlyFeeYen;
    /** The SME's telephone (its contact for an engineer on the way). */
    @Column(name = "contact_phone")
    public String contactPhone;
    public boolean active;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public Site site() {
        return latitude == null ? null : new Site(postalCode, prefecture, address, latitude, longitude);
    }

    /** Applies a tenant's state unless it is older than what we have (compaction may replay). */
    static void apply(TenantUpserted event) {
        KnownTenant tenant = findById(event.tenantId());
        if (tenant == null) {
            tenant = new KnownTenant();
            tenant.tenantId = event.tenantId();
        } else if (tenant.updatedAt != null && tenant.updatedAt.isAfter(event.occurredAt())) {
            return;
        }
        tenant.name = event.name();
        tenant.contactPhone = event.contactPhone();
        if (event.site() != null) {
            tenant.postalCode = event.site().postalCode();
            tenant.prefecture = event.site().prefecture();
            tenant.address = event.site().address();
            tenant.latitude = event.site().latitude();
            tenant.longitude = event.site().longitude();
        }
        if (event.plan() != null) {
            tenant.planType = event.plan().type().name();
            tenant.endpointCount = event.plan().endpointCount();
            tenant.monthlyFeeYen = event.plan().monthlyFeeYen();
        }
        tenant.active = event.active();
        tenant.updatedAt = event.occurredAt();
        tenant.persist();
    }
}

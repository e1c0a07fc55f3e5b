package jp.otasuke.ingest.tenant;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.events.Enums.PlanType;

/** An SME customer of the provider: its site and its monitoring plan. */
@Entity
public class Tenant extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String industry;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "postal_code")
    public String postalCode;
    public String prefecture;
    public String address;
    public double latitude;
    public double longitude;
    @Enumerated(EnumType.STRING)
    @Column(name = "plan_type")
    public PlanType planType;
    @Column(name = "endpoint_count")
    public int endpointCount;
    @Column(name = "monthly_fee_yen")
    public long monthlyFeeYen;
    @Column(name = "admin_username")
    public String adminUsername;
    public boolean active = true;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}

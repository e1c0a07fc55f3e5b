package jp.otasuke.insurance.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.paging.Keyset;

/** An insurance policy of one tenant with one insurer. */
@Entity
public class Policy extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "insurer_id")
    public String insurerId;
    @Column(name = "policy_number")
    public String policyNumber;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "per_incident_limit_yen")
    public long perIncidentLimitYen;
    @Column(name = "annual_aggregate_limit_yen")
    public long annualAggregateLimitYen;
    @Column(name = "deductible_yen")
    public long deductibleYen;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "covered_cost_types")
    public List<String> coveredCostTypes;
    @Version
    public long version;

    /** A page of policies, only the insurer's own when {@code insurerId} is given. */
    public static List<Policy> page(String insurerId, UUID after, int limit) {
        Keyset page = Keyset.of("insurerId", insurerId, after);
        return find(page.query(), page.parameters()).page(0, limit).list();
    }
}

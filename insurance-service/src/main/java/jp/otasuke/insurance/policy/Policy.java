package jp.otasuke.insurance.policy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.events.Enums.CostType;

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

    /**
     * The policy of the tenant whose period holds the loss date, locked: claims against the same policy are
     * evaluated one after the other, so two cannot both spend the same remainder of the aggregate.
     */
    public static Optional<Policy> coveringForUpdate(UUID tenantId, LocalDate lossDate) {
        return find("tenantId = ?1 and startsOn <= ?2 and endsOn >= ?2 order by startsOn desc, id", tenantId, lossDate)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The cost types the policy covers. */
    public Set<CostType> coveredTypes() {
        Set<CostType> types = EnumSet.noneOf(CostType.class);
        coveredCostTypes.forEach(t -> types.add(CostType.valueOf(t)));
        return types;
    }
}

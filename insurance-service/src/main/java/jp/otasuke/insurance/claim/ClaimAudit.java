package jp.otasuke.insurance.claim;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of a claim on record: who (a service, or the insurer's client), when, what, and the status after. */
@Entity
@Table(name = "claim_audit")
public class ClaimAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "claim_id")
    public UUID claimId;
    public Instant at;
    public String actor;
    public String action;
    public String status;
    public String detail;

    static void record(Claim claim, String actor, String action, String detail) {
        ClaimAudit entry = new ClaimAudit();
        entry.claimId = claim.id;
        entry.at = claim.updatedAt;
        entry.actor = actor;
        entry.action = action;
        entry.status = claim.status.name();
        entry.detail = detail;
        entry.persist();
    }
}

package jp.otasuke.triage.incident;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The incident's insurance claim as insurance last reported it: a copy for the incident page (insurance owns it). */
@Embeddable
public class ClaimProgress {

    @Column(name = "claim_id")
    public UUID id;
    @Column(name = "claim_status")
    public String status;

    protected ClaimProgress() {
        // for Hibernate
    }

    ClaimProgress(UUID id, String status) {
        this.id = id;
        this.status = status;
    }
}

package jp.otasuke.ingest.consultation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

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
}

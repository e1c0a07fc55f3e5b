package jp.otasuke.dispatch.action;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An action as it was first answered: a replay of the same operation id gets this answer again. */
@Entity
@Table(name = "job_action")
public class JobAction extends PanacheEntityBase {

    @Id
    @Column(name = "op_id")
    public String opId;
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "engineer_id")
    public UUID engineerId;
    public String type;
    public Instant at;
    @Column(name = "received_at")
    public Instant receivedAt;
    public int status;
    /** The body exactly as first sent (text, not jsonb, so a replay is byte for byte the same). */
    public String response;
}

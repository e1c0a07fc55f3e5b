package jp.otasuke.insurance.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One claim change to one webhook: PENDING until the receiver answers 2xx (then DELIVERED), retried with
 * exponential backoff (CANCELLED when its webhook is deleted first). Rows live in the database, so deliveries survive a restart; ids give the order per claim.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    /** Its webhook was deleted before it was delivered. */
    public static final String CANCELLED = "CANCELLED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "webhook_id")
    public UUID webhookId;
    @Column(name = "insurer_id")
    public String insurerId;
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "event_type")
    public String eventType;
    public String body;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    /** The trace the change happened in, sent on with it (W3C traceparent); null outside one. */
    @Column(name = "trace_parent")
    public String traceParent;
    /** The token of the instance posting it now, while it does (see DeliveryWorker). */
    public UUID claim;
}

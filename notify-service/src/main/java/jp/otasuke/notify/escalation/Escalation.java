package jp.otasuke.notify.escalation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The escalation of one P1/P2 incident, with its clock: {@code step} is the last step taken (1 opened, 2 half the
 * acknowledge clock, 3 breached), {@code nextStepAt} when the next is due. Acknowledging (or resolving) stops it.
 */
@Entity
@Table(name = "escalation")
public class Escalation extends PanacheEntityBase {

    public static final int OPENED = 1;
    public static final int HALF_CLOCK = 2;
    public static final int BREACHED = 3;

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String priority;
    public String title;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "ack_due_at")
    public Instant ackDueAt;
    public int step;
    @Column(name = "next_step_at")
    public Instant nextStepAt;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
    @Column(name = "stopped_because")
    public String stoppedBecause;

    /** When the step after {@code taken} is due: half the clock, then the deadline, then nothing. */
    Instant dueAfter(int taken) {
        return switch (taken) {
            case OPENED -> openedAt.plus(java.time.Duration.between(openedAt, ackDueAt).dividedBy(2));
            case HALF_CLOCK -> ackDueAt;
            default -> null;
        };
    }
}

package jp.otasuke.notify.escalation;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Who is told at each level of an escalation, for one priority (P1, P2). Level 1 is told when the incident opens,
 * levels 1 and 2 when half the acknowledge clock has run, every level when it has run out.
 */
@Entity
@Table(name = "escalation_policy")
public class EscalationPolicy extends PanacheEntityBase {

    /** A level: the person on call, named operators, team chat webhooks (sealed, as they are credentials). */
    public record Level(boolean onCall, List<String> users, List<String> chatWebhooksSealed) {
        public Level {
            users = users == null ? List.of() : List.copyOf(users);
            chatWebhooksSealed = chatWebhooksSealed == null ? List.of() : List.copyOf(chatWebhooksSealed);
        }
    }

    @Id
    public String priority;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Level> levels;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}

package jp.otasuke.notify.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The SOC's on-call rotation: the members take turns of {@code turnDays} (a week by default) from {@code startsAt}. */
@Entity
@Table(name = "on_call_rotation")
public class Rotation extends PanacheEntityBase {

    static final int ONLY = 1;

    @Id
    public Integer id = ONLY;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> members;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "turn_days")
    public int turnDays;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    static Optional<Rotation> current() {
        return findByIdOptional(ONLY);
    }

    /** Whose turn it is at {@code at}; before the first turn, the first member's. */
    String memberAt(Instant at) {
        long turns = Math.max(0, Duration.between(startsAt, at).toDays() / turnDays);
        return members.get((int) (turns % members.size()));
    }

    /** When the turn that holds at {@code at} ends. */
    Instant turnEndsAfter(Instant at) {
        long turns = Math.max(0, Duration.between(startsAt, at).toDays() / turnDays);
        return startsAt.plus(Duration.ofDays((turns + 1) * turnDays));
    }
}

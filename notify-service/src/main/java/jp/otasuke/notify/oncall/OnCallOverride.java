package jp.otasuke.notify.oncall;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Someone on call instead of the rotation for a while: a holiday, a swap. */
@Entity
@Table(name = "on_call_override")
public class OnCallOverride extends PanacheEntityBase {

    @Id
    public UUID id;
    public String username;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The newest override that covers {@code at}. */
    static Optional<OnCallOverride> covering(Instant at) {
        return find("startsAt <= ?1 and endsAt > ?1 order by createdAt desc", at).firstResultOptional();
    }
}

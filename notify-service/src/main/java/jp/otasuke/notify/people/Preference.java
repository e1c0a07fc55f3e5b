package jp.otasuke.notify.people;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One person's wishes, by username (an SME's or an engineer's username is its e-mail address). Without a row a
 * person is told by e-mail, in Japanese, at any hour.
 */
@Entity
@Table(name = "preference")
public class Preference extends PanacheEntityBase {

    public static final String EMAIL = "EMAIL";
    public static final String CHAT = "CHAT";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Id
    public String username;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> channels;
    public String language;
    @Column(name = "quiet_from")
    public LocalTime quietFrom;
    @Column(name = "quiet_until")
    public LocalTime quietUntil;
    @Column(name = "chat_webhook_sealed")
    public String chatWebhookSealed;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** For an SME's portal user: the SME, whose mails they are sent too, as they chose. */
    @Column(name = "tenant_id")
    public java.util.UUID tenantId;

    public static Preference of(String username) {
        return Optional.ofNullable(Preference.<Preference>findById(username.toLowerCase(Locale.ROOT)))
                .orElseGet(() -> defaults(username));
    }

    /** What someone who never said gets: mail, in Japanese, at any hour. */
    public static Preference defaults(String username) {
        Preference defaults = new Preference();
        defaults.username = username.toLowerCase(Locale.ROOT);
        defaults.channels = List.of(EMAIL);
        defaults.language = "ja";
        return defaults;
    }

    public Locale locale() {
        return "en".equals(language) ? Locale.ENGLISH : Locale.JAPANESE;
    }

    /** When the quiet hours that hold at {@code at} end (Asia/Tokyo); empty when {@code at} is not in them. */
    public Optional<Instant> quietUntil(Instant at) {
        if (quietFrom == null || quietUntil == null) {
            return Optional.empty();
        }
        ZonedDateTime local = at.atZone(JAPAN);
        LocalTime time = local.toLocalTime();
        boolean overnight = quietFrom.isAfter(quietUntil); // 22:00-07:00
        boolean quiet = overnight ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(quietUntil);
        return Optional.of((end.isAfter(local) ? end : end.plusDays(1)).toInstant());
    }
}

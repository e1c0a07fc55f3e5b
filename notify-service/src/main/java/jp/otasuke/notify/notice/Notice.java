package jp.otasuke.notify.notice;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.otasuke.common.text.Sentence;

/**
 * One notice to one person or team chat about an incident. Its words are kept as a key and facts ({@code about},
 * {@code facts}) and put into the reader's language when it is sent.
 */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String CANCELLED = "CANCELLED";

    /** Who reads it: the SOC, the SME, the engineer. */
    public enum Audience { SOC, SME, ENGINEER }

    /** How the recipient is named: an account's username, an engineer's id, an SME (its contact address), a team chat webhook (sealed). */
    public enum RecipientKind { USER, ENGINEER, TENANT, TEAM_CHAT }

    @Id
    public UUID id;
    @Column(name = "dedupe_key")
    public String dedupeKey;
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String audience;
    @Column(name = "recipient_kind")
    public String recipientKind;
    public String recipient;
    public String about;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> facts;
    public String priority;
    public String status;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "channels_sent")
    public List<String> channelsSent;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    /** The token of the instance sending it now, while it does (see NoticeWorker). */
    public UUID claim;

    public Sentence subject() {
        return new Sentence(about + ".subject", facts);
    }

    public Sentence body() {
        return new Sentence(about + ".body", facts);
    }

    /** A team chat is told whatever the hour; a person's quiet hours hold back anything below P1. */
    boolean mayWaitForQuietHours() {
        return !"P1".equals(priority) && !RecipientKind.TEAM_CHAT.name().equals(recipientKind);
    }
}

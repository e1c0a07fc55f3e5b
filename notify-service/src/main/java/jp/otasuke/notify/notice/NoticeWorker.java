package jp.otasuke.notify.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.otasuke.common.accounts.UserAccounts;
import jp.otasuke.common.events.NoticeSent;
import jp.otasuke.common.outbox.Outbox;
import jp.otasuke.common.secrets.SecretBox;
import jp.otasuke.common.text.Sentence;
import jp.otasuke.common.work.Backoff;
import jp.otasuke.common.work.DueWork;
import jp.otasuke.notify.people.Preference;
import jp.otasuke.notify.tenant.TenantContact;

/**
 * Sends the notices that are due, over each of the recipient's channels, and records each channel that went out
 * (with a {@code notice.sent} event for the incident's timeline). A channel that fails (the mail server away, the chat
 * refusing) is tried again with backoff, for as long as it takes; the channels already sent are not sent again.
 * A notice is claimed in a short transaction and sent outside it, so a mail server that stalls or a slow Keycloak
 * holds no lock and no connection, and several instances share the work.
 */
@ApplicationScoped
public class NoticeWorker implements DueWork<NoticeWorker.Claimed> {

    private static final int BATCH = 20;
    static final String UNDELIVERABLE = "UNDELIVERABLE";
    /** How long a notice waits for its tenant to appear on the tenants topic, which another consumer reads. */
    private static final Duration TENANT_PATIENCE = Duration.ofHours(24);
    /** Past the longest a send can take: finding the person, the mail server's timeout, the chat's. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final UserAccounts accounts;
    private final Mails mails;
    private final Chats chats;
    private final SecretBox secrets;
    private final Outbox outbox;
    private final Backoff backoff;
    private final NoticeConfig config;

    /** A notice as claimed, with the token that says the claim still holds when an outcome is recorded. */
    record Claimed(UUID id, UUID token, Notice.RecipientKind kind, String recipient, Notice.Audience audience,
            UUID incidentId, UUID tenantId, String about, Sentence subject, Sentence body, List<String> channelsSent,
            boolean mayWaitForQuietHours, boolean waitsForItsTenant, Optional<UserAccounts.Found> tenantContact) {
    }

    /** Who a notice reaches and how, as known when it is sent. */
    private record Reader(String shownAs, String email, String chatWebhook, List<String> channels, Preference preference) {
    }

    NoticeWorker(UserAccounts accounts, Mails mails, Chats chats, SecretBox secrets, Outbox outbox, NoticeConfig config) {
        this.accounts = accounts;
        this.mails = mails;
        this.chats = chats;
        this.secrets = secrets;
        this.outbox = outbox;
        this.config = config;
        this.backoff = new Backoff(config.firstRetry(), config.longestRetry());
    }

    @Override
    public Schedule schedule() {
        return new Schedule("notices", config.poll(), BATCH, config.inFlight());
    }

    @Override
    public List<Claimed> claim(int limit) {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Notice> due = Notice.getEntityManager().createNativeQuery("select * from notice where status = 'PENDING'"
                + " and next_attempt_at <= ?1 order by next_attempt_at limit ?2 for update skip locked", Notice.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
        List<Claimed> claimed = new ArrayList<>(due.size());
        for (Notice notice : due) {
            notice.claim = UUID.randomUUID();
            notice.nextAttemptAt = now.plus(LEASE);
            Notice.RecipientKind kind = Notice.RecipientKind.valueOf(notice.recipientKind);
            Optional<TenantContact> tenant = kind == Notice.RecipientKind.TENANT
                    ? Optional.ofNullable(TenantContact.findById(UUID.fromString(notice.recipient))) : Optional.empty();
            claimed.add(new Claimed(notice.id, notice.claim, kind, notice.recipient, Notice.Audience.valueOf(notice.audience),
                    notice.incidentId, notice.tenantId, notice.about, notice.subject(), notice.body(), List.copyOf(notice.channelsSent),
                    notice.mayWaitForQuietHours(),
                    // a new tenant's first notice may be consumed before its tenant record: it waits rather than reaching nobody
                    kind == Notice.RecipientKind.TENANT && tenant.isEmpty() && notice.createdAt.isAfter(now.minus(TENANT_PATIENCE)),
                    // an SME's contact address, as the tenants topic last said (its user signs in with it, so it names the wishes)
                    tenant.filter(t -> t.contactEmail != null).map(t -> new UserAccounts.Found(t.contactEmail, t.contactEmail))));
        }
        return claimed;
    }

    @Override
    public void perform(Claimed notice) {
        if (notice.waitsForItsTenant()) {
            record(notice, n -> retry(n, "the tenant is not known yet (the tenants topic is read by another consumer)"));
            return;
        }
        Optional<Reader> reader;
        try {
            reader = reader(notice);
        } catch (UserAccounts.Unreachable e) {
            record(notice, n -> retry(n, e.getMessage()));
            return;
        }
        if (reader.isEmpty()) {
            record(notice, n -> {
                n.status = UNDELIVERABLE;
                n.lastError = "No such person, or no address for them";
            });
            Log.warnf("Notice %s (%s) reaches nobody: %s %s", notice.id(), notice.about(), notice.kind(), shown(notice));
            return;
        }
        Reader to = reader.get();
        Optional<Instant> quiet = notice.mayWaitForQuietHours() ? to.preference().quietUntil(Instant.now()) : Optional.empty();
        if (quiet.isPresent()) {
            record(notice, n -> {
                n.nextAttemptAt = quiet.get();
                n.lastError = "Held for the reader's quiet hours";
            });
            return;
        }
        String subject = render(notice.subject(), to);
        String body = render(notice.body(), to) + "\n\n"
                + render(Sentence.of("footer." + notice.audience(), "link", link(notice), "deskPhone", config.deskPhone()), to);
        String failure = null;
        for (String channel : to.channels()) {
            if (notice.channelsSent().contains(channel)) {
                continue;
            }
            try {
                if (Preference.EMAIL.equals(channel)) {
                    mails.send(notice.id(), to.email(), subject, body);
                } else {
                    chats.post(to.chatWebhook(), subject, body);
                }
            } catch (Channels.NotSent e) {
                failure = channel + ": " + e.getMessage();
                continue;
            }
            Instant sentAt = Instant.now();
            // each channel is recorded as soon as it went out: a crash after it does not send it again
            boolean held = record(notice, n -> {
                n.channelsSent = append(n.channelsSent, channel);
                outbox.publish(new NoticeSent(UUID.randomUUID(), sentAt, n.id, n.incidentId, n.tenantId, n.audience,
                        to.shownAs(), channel, n.about, sentAt));
            });
            if (!held) {
                return;
            }
        }
        String failed = failure;
        record(notice, n -> {
            if (failed == null) {
                n.status = Notice.SENT;
                n.sentAt = Instant.now();
                n.lastError = null;
                n.claim = null;
            } else {
                retry(n, failed);
            }
        });
    }

    /** Records an outcome in a transaction of its own, if the claim still holds; says whether it did. */
    private boolean record(Claimed claimed, Consumer<Notice> outcome) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Notice notice = Notice.findById(claimed.id(), LockModeType.PESSIMISTIC_WRITE);
            if (notice == null || !claimed.token().equals(notice.claim)) {
                // the lease ended first (this instance was cut off) and another instance has the notice now
                Log.warnf("Notice %s: the claim was lost before its outcome was recorded", claimed.id());
                return false;
            }
            outcome.accept(notice);
            return true;
        });
    }

    private void retry(Notice notice, String why) {
        notice.attempts++;
        notice.lastError = why;
        notice.claim = null;
        notice.nextAttemptAt = Instant.now().plus(backoff.after(notice.attempts));
        Log.infof("Notice %s (%s) not sent yet, attempt %d: %s; next at %s", notice.id, notice.about, notice.attempts, why,
                notice.nextAttemptAt);
    }

    private Optional<Reader> reader(Claimed notice) throws UserAccounts.Unreachable {
        if (notice.kind() == Notice.RecipientKind.TEAM_CHAT) {
            return Optional.of(new Reader("team chat", null, secrets.open(notice.recipient()), List.of(Preference.CHAT),
                    Preference.defaults("(team chat)")));
        }
        Optional<UserAccounts.Found> person = switch (notice.kind()) {
            case USER -> accounts.byUsername(notice.recipient());
            case ENGINEER -> accounts.byAttribute("engineer_id", UUID.fromString(notice.recipient()).toString());
            default -> notice.tenantContact();
        };
        return person.flatMap(p -> {
            Preference preference = QuarkusTransaction.requiringNew().call(() -> Preference.of(p.username()));
            String webhook = preference.chatWebhookSealed == null ? null : secrets.open(preference.chatWebhookSealed);
            List<String> channels = preference.channels.stream()
                    .filter(c -> Preference.EMAIL.equals(c) ? p.email() != null : webhook != null).toList();
            return channels.isEmpty() ? Optional.empty()
                    : Optional.of(new Reader(p.username(), p.email(), webhook, channels, preference));
        });
    }

    private static List<String> append(List<String> list, String item) {
        List<String> longer = new ArrayList<>(list);
        if (!longer.contains(item)) {
            longer.add(item);
        }
        return longer;
    }

    private String link(Claimed notice) {
        return switch (notice.audience()) {
            case SOC -> config.appsUrl() + "/soc/#/incidents/" + notice.incidentId();
            case SME -> config.appsUrl() + "/my/#/incidents/" + notice.incidentId();
            case ENGINEER -> config.appsUrl() + "/field/";
        };
    }

    private static String render(Sentence sentence, Reader reader) {
        return sentence.render("texts.notices", reader.preference().locale());
    }

    private static String shown(Claimed notice) {
        return notice.kind() == Notice.RecipientKind.TEAM_CHAT ? "(team chat)" : notice.recipient();
    }
}

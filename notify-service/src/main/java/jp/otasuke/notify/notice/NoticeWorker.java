package jp.otasuke.notify.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jp.otasuke.common.accounts.UserAccounts;
import jp.otasuke.common.events.NoticeSent;
import jp.otasuke.common.outbox.Outbox;
import jp.otasuke.common.secrets.SecretBox;
import jp.otasuke.common.text.Sentence;
import jp.otasuke.notify.people.Preference;
import jp.otasuke.notify.people.Preference;
import jp.otasuke.notify.tenant.TenantContact;

/**
 * Sends the notices that are due, over each of the recipient's channels, and records each channel that went out
 * (with a {@code notice.sent} event for the incident's timeline) in the same transaction. A channel that fails
 * (the mail server away, the chat refusing) is tried again with backoff, for as long as it takes; the channels
 * already sent are not sent again. Due rows are taken with SKIP LOCKED, so several instances share the work.
 */
@ApplicationScoped
public class NoticeWorker {

    private static final int BATCH = 20;
    static final String UNDELIVERABLE = "UNDELIVERABLE";
    /** How long a notice waits for its tenant to appear on the tenants topic, which another consumer reads. */
    private static final Duration TENANT_PATIENCE = Duration.ofHours(24);

    private final UserAccounts accounts;
    private final Mails mails;
    private final Chats chats;
    private final SecretBox secrets;
    private final Outbox outbox;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final String appsUrl;

    NoticeWorker(UserAccounts accounts, Mails mails, Chats chats, SecretBox secrets, Outbox outbox,
            NoticeConfig config) {
        this.accounts = accounts;
        this.mails = mails;
        this.chats = chats;
        this.secrets = secrets;
        this.outbox = outbox;
        this.firstRetry = config.firstRetry();
        this.longestRetry = config.longestRetry();
        this.appsUrl = config.appsUrl();
    }

    @Scheduled(every = "${otasuke.notices.poll}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        try {
            int taken;
            do {
                taken = QuarkusTransaction.requiringNew().call(this::sendBatch);
            } while (taken == BATCH);
        } catch (RuntimeException e) {
            // the database may be restarting: the notices wait in it
            Log.warnf("Notice round failed, will retry: %s", e.toString());
        }
    }

    int sendBatch() {
        @SuppressWarnings("unchecked")
        List<Notice> due = Notice.getEntityManager().createNativeQuery("select * from notice where status = 'PENDING'"
                + " and next_attempt_at <= ?1 order by next_attempt_at limit " + BATCH + " for update skip locked", Notice.class)
                .setParameter(1, Instant.now()).getResultList();
        due.forEach(this::send);
        return due.size();
    }

    /** Who a notice reaches and how, as known when it is sent. */
    private record Reader(String shownAs, String email, String chatWebhook, List<String> channels, Preference preference) {
    }

    private void send(Notice notice) {
        Instant now = Instant.now();
        if (waitsForItsTenant(notice, now)) {
            retry(notice, "the tenant is not known yet (the tenants topic is read by another consumer)");
            return;
        }
        Optional<Reader> reader;
        try {
            reader = reader(notice);
        } catch (UserAccounts.Unreachable e) {
            retry(notice, e.getMessage());
            return;
        }
        if (reader.isEmpty()) {
            notice.status = UNDELIVERABLE;
            notice.lastError = "No such person, or no address for them";
            Log.warnf("Notice %s (%s) reaches nobody: %s %s", notice.id, notice.about, notice.recipientKind, shown(notice));
            return;
        }
        Reader to = reader.get();
        Optional<Instant> quiet = notice.mayWaitForQuietHours() ? to.preference().quietUntil(now) : Optional.empty();
        if (quiet.isPresent()) {
            notice.nextAttemptAt = quiet.get();
            notice.lastError = "Held for the reader's quiet hours";
            return;
        }
        String subject = render(notice.subject(), to);
        String body = render(notice.body(), to) + "\n\n" + render(Sentence.of("footer." + notice.audience, "link", link(notice)), to);
        List<String> sent = new ArrayList<>(notice.channelsSent);
        String failure = null;
        for (String channel : to.channels()) {
            if (sent.contains(channel)) {
                continue;
            }
            try {
                if (Preference.EMAIL.equals(channel)) {
                    mails.send(notice.id, to.email(), subject, body);
                } else {
                    chats.post(to.chatWebhook(), subject, body);
                }
                sent.add(channel);
                outbox.publish(new NoticeSent(UUID.randomUUID(), Instant.now(), notice.id, notice.incidentId, notice.tenantId,
                        notice.audience, to.shownAs(), channel, notice.about, Instant.now()));
            } catch (Channels.NotSent e) {
                failure = channel + ": " + e.getMessage();
            }
        }
        notice.channelsSent = sent;
        if (failure == null) {
            notice.status = Notice.SENT;
            notice.sentAt = Instant.now();
            notice.lastError = null;
        } else {
            retry(notice, failure);
        }
    }

    /** A new tenant's first notice may be consumed before its tenant record: it waits rather than reaching nobody. */
    private static boolean waitsForItsTenant(Notice notice, Instant now) {
        return Notice.RecipientKind.TENANT.name().equals(notice.recipientKind) && notice.createdAt.isAfter(now.minus(TENANT_PATIENCE))
                && TenantContact.findById(UUID.fromString(notice.recipient)) == null;
    }

    private void retry(Notice notice, String why) {
        notice.attempts++;
        notice.lastError = why;
        notice.nextAttemptAt = Instant.now().plus(backoff(notice.attempts));
        Log.infof("Notice %s (%s) not sent yet, attempt %d: %s; next at %s", notice.id, notice.about, notice.attempts, why,
                notice.nextAttemptAt);
    }

    private Optional<Reader> reader(Notice notice) throws UserAccounts.Unreachable {
        Notice.RecipientKind kind = Notice.RecipientKind.valueOf(notice.recipientKind);
        if (kind == Notice.RecipientKind.TEAM_CHAT) {
            return Optional.of(new Reader("team chat", null, secrets.open(notice.recipient), List.of(Preference.CHAT),
                    Preference.of("(team chat)")));
        }
        Optional<UserAccounts.Found> person = switch (kind) {
            case USER -> accounts.byUsername(notice.recipient);
            case ENGINEER -> accounts.byAttribute("engineer_id", UUID.fromString(notice.recipient).toString());
            // an SME's contact address, as the tenants topic last said (its user signs in with it, so it names the wishes)
            default -> Optional.ofNullable(TenantContact.<TenantContact>findById(UUID.fromString(notice.recipient)))
                    .filter(t -> t.contactEmail != null).map(t -> new UserAccounts.Found(t.contactEmail, t.contactEmail));
        };
        return person.flatMap(p -> {
            Preference preference = Preference.of(p.username());
            String webhook = preference.chatWebhookSealed == null ? null : secrets.open(preference.chatWebhookSealed);
            List<String> channels = preference.channels.stream()
                    .filter(c -> Preference.EMAIL.equals(c) ? p.email() != null : webhook != null).toList();
            return channels.isEmpty() ? Optional.empty()
                    : Optional.of(new Reader(p.username(), p.email(), webhook, channels, preference));
        });
    }

    private String link(Notice notice) {
        return switch (Notice.Audience.valueOf(notice.audience)) {
            case SOC -> appsUrl + "/soc/#/incidents/" + notice.incidentId;
            case SME -> appsUrl + "/my/#/incidents/" + notice.incidentId;
            case ENGINEER -> appsUrl + "/field/";
        };
    }

    private static String render(Sentence sentence, Reader reader) {
        return sentence.render("texts.notices", reader.preference().locale());
    }

    private static String shown(Notice notice) {
        return Notice.RecipientKind.TEAM_CHAT.name().equals(notice.recipientKind) ? "(team chat)" : notice.recipient;
    }

    /** first, 2×first, 4×first ... up to the longest. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }
}

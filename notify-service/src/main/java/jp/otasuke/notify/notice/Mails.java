package jp.otasuke.notify.notice;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/**
 * E-mail over SMTP (quarkus-mailer): the local mail server here, the provider's relay in production. The
 * notice's id is the mail's Message-ID, so if a mail is ever sent twice (sent, then the database lost the
 * record of it) a mail client shows it once.
 */
@ApplicationScoped
class Mails {

    /**
     * The longest one mail may take, whatever the mail server does (a relay that takes the connection and then says
     * nothing would otherwise hold the sending thread for as long as the socket lives): well inside the notice's lease.
     */
    static final Duration SEND_WITHIN = Duration.ofSeconds(30);

    private final ReactiveMailer mailer;

    Mails(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    void send(UUID noticeId, String to, String subject, String text) throws Channels.NotSent {
        try {
            mailer.send(Mail.withText(to, subject, text).addHeader("Message-ID", "<" + noticeId + "@notices.otasuke-soc>"))
                    .await().atMost(SEND_WITHIN);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw new Channels.NotSent("the mail server did not answer within " + SEND_WITHIN.toSeconds() + " s", e);
        } catch (RuntimeException e) {
            throw new Channels.NotSent("the mail server did not take it (" + rootMessage(e) + ")", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}

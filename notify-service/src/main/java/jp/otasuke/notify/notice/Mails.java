package jp.otasuke.notify.notice;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * E-mail over SMTP (quarkus-mailer): the local mail server here, the provider's relay in production. The
 * notice's id is the mail's Message-ID, so if a mail is ever sent twice (sent, then the database lost the
 * record of it) a mail client shows it once.
 */
@ApplicationScoped
class Mails {

    private final Mailer mailer;

    Mails(Mailer mailer) {
        this.mailer = mailer;
    }

    void send(UUID noticeId, String to, String subject, String text) throws Channels.NotSent {
        try {
            mailer.send(Mail.withText(to, subject, text).addHeader("Message-ID", "<" + noticeId + "@notices.otasuke-soc>"));
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

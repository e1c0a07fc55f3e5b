package jp.otasuke.infra.mail;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;

/** One person's mailbox on the mail server, read over IMAP the way a mail client reads it. */
public final class Mailbox {

    /**
     * A mail as its reader sees it: who sent it, the subject, the plain text, the Message-ID, and when the mail server
     * took it in (IMAP's internal date: to the second).
     */
    public record Mail(String from, List<String> to, String subject, String text, String messageId, Instant received) {
    }

    private final int imapPort;
    private final String address;

    public Mailbox(int imapPort, String address) {
        this.imapPort = imapPort;
        this.address = address;
    }

    public String address() {
        return address;
    }

    /** Every mail in the inbox, oldest first (empty when the mailbox does not exist yet). */
    public List<Mail> read() {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(imapPort));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(props).getStore("imap");
            // authentication is off on the local mail server: the address is the login, any password does
            store.connect("127.0.0.1", imapPort, address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                if (!inbox.exists()) {
                    return List.of();
                }
                inbox.open(Folder.READ_ONLY);
                try {
                    List<Mail> mails = new ArrayList<>();
                    for (Message message : inbox.getMessages()) {
                        mails.add(new Mail(message.getFrom() == null ? null : unicode(message.getFrom()[0]),
                                Arrays.stream(message.getAllRecipients() == null ? new Address[0] : message.getAllRecipients())
                                        .map(Mailbox::unicode).toList(),
                                message.getSubject(), text(message), first(message.getHeader("Message-ID")),
                                message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant()));
                    }
                    return mails;
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read the mailbox of " + address + " over IMAP on port " + imapPort, e);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static String unicode(Address address) {
        return address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString();
    }

    private static String first(Object[] values) {
        return values == null || values.length == 0 ? null : values[0].toString();
    }
}

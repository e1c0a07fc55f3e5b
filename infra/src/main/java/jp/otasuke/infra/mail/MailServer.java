package jp.otasuke.infra.mail;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.otasuke.infra.process.ChildProcess;
import jp.otasuke.infra.process.FreePorts;
import jp.otasuke.infra.process.InfraProperties;
import jp.otasuke.infra.process.Wait;

/**
 * A real mail server, GreenMail's standalone server from Maven Central, run as a child process: SMTP for the
 * notices the platform sends, IMAP to read them back. Authentication is off, so any mailbox is read with its
 * address as login (and any password). Mailboxes live in memory: a restart empties them, which is what lets a
 * fault test take the mail server away and see every notice arrive once after it returns.
 */
public final class MailServer implements AutoCloseable {

    private final int smtpPort;
    private final int imapPort;
    private final Path log;
    private ChildProcess process;

    private MailServer(int smtpPort, int imapPort, Path log) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.log = log;
    }

    /** Starts it and waits until both ports answer (about 5 s). */
    public static MailServer start(int smtpPort, int imapPort, Path log) {
        MailServer server = new MailServer(smtpPort, imapPort, log);
        server.start();
        return server;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** The environment that points a service's mailer (notify-service: SMTP_HOST, SMTP_PORT) at this server. */
    public Map<String, String> smtpEnv() {
        return Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(smtpPort));
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path jar = Paths.get(InfraProperties.get("greenmail.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx128m",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.imap.hostname=127.0.0.1", "-Dgreenmail.imap.port=" + imapPort,
                "-Dgreenmail.auth.disabled", "-Dgreenmail.verbose=false",
                "-jar", jar.toString());
        process = ChildProcess.start("mail", command, Map.of(), log.getParent(), log);
        ChildProcess started = process;
        Wait.until("mail server (SMTP " + smtpPort + ", IMAP " + imapPort + ")", Duration.ofSeconds(60),
                () -> FreePorts.isListening(smtpPort) && FreePorts.isListening(imapPort), started::isAlive,
                System.out::println);
    }

    /**
     * Stalls it (SIGSTOP): connections are still taken, by the kernel, but nothing is said on them, not even the
     * greeting, as when a mail relay is overloaded or half dead. {@link #resume()} lets it go on.
     */
    public synchronized void stall() {
        process.signal("STOP");
    }

    public synchronized void resume() {
        process.signal("CONT");
    }

    /** Stops it (the mailboxes go with it); {@link #start()} brings it back on the same ports. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "mail server (SMTP " + smtpPort + ", IMAP " + imapPort + ")";
    }
}

package jp.otasuke.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import jp.otasuke.infra.kafka.KafkaBroker;
import jp.otasuke.infra.keycloak.KeycloakServer;
import jp.otasuke.infra.mail.MailServer;
import jp.otasuke.infra.postgres.PostgresServer;
import jp.otasuke.infra.process.Directories;
import jp.otasuke.infra.process.FreePorts;

/**
 * The real servers of one test JVM: started on first use on random free ports in a temporary folder,
 * shared by every test of the JVM, and stopped (folder deleted) when the JVM exits.
 */
public final class TestServers {

    private static Path runDir;
    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static KeycloakServer keycloak;
    private static MailServer mail;

    private TestServers() {
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start(runDir().resolve("kafka"), FreePorts.find());
        }
        return kafka;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(runDir().resolve("postgres"), FreePorts.find(), false);
        }
        return postgres;
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            keycloak = KeycloakServer.start(runDir().resolve("keycloak"), FreePorts.find(), System.out::println);
        }
        return keycloak;
    }

    /** The mail server (SMTP and IMAP on random ports); a test may stop and start it again on the same ports. */
    public static synchronized MailServer mail() {
        if (mail == null) {
            mail = MailServer.start(FreePorts.find(), FreePorts.find(), runDir().resolve("mail").resolve("mail.log"));
        }
        return mail;
    }

    /** A fresh, empty database on the shared server. */
    public static String freshDatabase(String name) {
        postgres().dropDatabase(name);
        postgres().createDatabase(name);
        return postgres().jdbcUrl(name);
    }

    private static Path runDir() {
        if (runDir == null) {
            try {
                // under the cache, which PostgreSQL (run as nobody when we are root) can traverse
                runDir = Files.createTempDirectory(Directories.create(Directories.cache().resolve("test-runs")), "run-");
                Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestServers::stopAll, "otasuke-test-servers-stop"));
        }
        return runDir;
    }

    private static synchronized void stopAll() {
        if (mail != null) {
            mail.stop();
        }
        if (keycloak != null) {
            keycloak.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        Directories.deleteTree(runDir);
    }
}

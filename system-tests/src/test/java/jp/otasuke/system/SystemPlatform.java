package jp.otasuke.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.otasuke.infra.platform.PackagedService;
import jp.otasuke.infra.platform.ServicePorts;
import jp.otasuke.infra.postgres.PostgresServer;
import jp.otasuke.infra.process.ChildProcess;
import jp.otasuke.infra.process.FreePorts;
import jp.otasuke.infra.story.Story;
import jp.otasuke.infra.testing.TestServers;

/**
 * The platform the system tests run against: real Kafka, PostgreSQL, Keycloak and a mail server ({@link TestServers},
 * random ports) and the five packaged services as separate processes (started as the launcher starts them), shared by
 * the test classes of the run and stopped when the JVM exits. Logs in {@code system-tests/target/system-logs/}.
 */
final class SystemPlatform {

    private static SystemPlatform instance;

    private final Path root = Path.of("..").toAbsolutePath().normalize();
    private final Map<PackagedService, ServicePorts> ports = new LinkedHashMap<>();
    private final Map<PackagedService, ChildProcess> running = new LinkedHashMap<>();
    private final Map<PackagedService, ServicePorts> secondPorts = new LinkedHashMap<>();
    private final Map<PackagedService, ChildProcess> seconds = new LinkedHashMap<>();
    private final Map<ChildProcess, ServicePorts> cutOff = new HashMap<>();
    final int syslogPort = FreePorts.find();
    private final int secondSyslogPort = FreePorts.find();

    static synchronized SystemPlatform get() {
        if (instance == null) {
            // the in-process broker and the Kafka clients log their whole configuration at INFO
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
            instance = new SystemPlatform();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stopServices, "system-tests-stop"));
            instance.startAll();
        }
        return instance;
    }

    private void startAll() {
        TestServers.postgres();
        TestServers.kafka();
        TestServers.keycloak();
        TestServers.mail();
        for (PackagedService service : PackagedService.ALL) {
            ports.put(service, ServicePorts.random());
            start(service);
        }
        PackagedService.ALL.forEach(this::awaitReady);
    }

    void start(PackagedService service) {
        running.put(service, service.start(root, ports.get(service), TestServers.postgres(), TestServers.kafka(),
                TestServers.keycloak(), root.resolve("system-tests/target/system-logs/" + service.name() + ".log"), env(service)));
    }

    /** A second instance of every service on the same Kafka, PostgreSQL and Keycloak, as production scales out. */
    void startSecondInstances() {
        for (PackagedService service : PackagedService.ALL) {
            secondPorts.put(service, ServicePorts.random());
            Map<String, String> env = env(service);
            if (service == PackagedService.INGEST) {
                env.put("SYSLOG_PORT", Integer.toString(secondSyslogPort)); // a host of its own would have the same port
            }
            seconds.put(service, service.start(root, secondPorts.get(service), TestServers.postgres(), TestServers.kafka(),
                    TestServers.keycloak(), root.resolve("system-tests/target/system-logs/" + service.name() + "-2.log"), env));
        }
        PackagedService.ALL.forEach(service -> service.awaitReady(seconds.get(service), secondPorts.get(service), Duration.ofMinutes(3)));
    }

    /**
     * web twice, as production scales it: the first on the first instances of the services, the second on the second
     * ones (so it outlives the first ones being killed); the same secrets, so a session cookie is good on either.
     * Returns their API ports.
     */
    List<Integer> startWebs() {
        List<Integer> webPorts = new ArrayList<>();
        for (Map<PackagedService, ServicePorts> services : List.of(ports, secondPorts)) {
            boolean first = services == ports;
            ServicePorts instance = ServicePorts.random();
            ChildProcess web = PackagedService.WEB.start(root, instance, TestServers.postgres(), TestServers.kafka(),
                    TestServers.keycloak(), root.resolve("system-tests/target/system-logs/web" + (first ? "" : "-2") + ".log"),
                    PackagedService.webUpstreams(services));
            (first ? running : seconds).put(PackagedService.WEB, web);
            (first ? ports : secondPorts).put(PackagedService.WEB, instance);
            webPorts.add(instance.api());
        }
        PackagedService.WEB.awaitReady(running.get(PackagedService.WEB), ports.get(PackagedService.WEB), Duration.ofMinutes(3));
        PackagedService.WEB.awaitReady(seconds.get(PackagedService.WEB), secondPorts.get(PackagedService.WEB), Duration.ofMinutes(3));
        return webPorts;
    }

    /** Another instance of the service, on a host of the test's own; it is ready when its health answers at that host's address. */
    ChildProcess startOn(CutOffHost host, PackagedService service) {
        ServicePorts instance = ServicePorts.random();
        ChildProcess process = service.start(root, instance, TestServers.postgres(), TestServers.kafka(), TestServers.keycloak(),
                root.resolve("system-tests/target/system-logs/" + service.name() + "-cut-off.log"), env(service), host.launcher());
        awaitReadyOn(service, process, instance);
        cutOff.put(process, instance);
        return process;
    }

    /** Waits until the instance on the test's own host says it is ready again (it reaches Kafka and its database). */
    void awaitReadyOn(PackagedService service, ChildProcess process) {
        awaitReadyOn(service, process, cutOff.get(process));
    }

    private void awaitReadyOn(PackagedService service, ChildProcess process, ServicePorts instance) {
        service.awaitReady(process, instance.managementUrl(CutOffHost.ADDRESS), Duration.ofMinutes(3));
    }

    void stopSecondInstances() {
        seconds.values().forEach(p -> p.stop(Duration.ofSeconds(15)));
        seconds.clear();
    }

    /** The API of the second instances. */
    Story.Endpoints secondEndpoints() {
        java.util.function.Function<PackagedService, String> url = s -> secondPorts.get(s).apiUrl();
        return new Story.Endpoints(url.apply(PackagedService.INGEST), url.apply(PackagedService.TRIAGE),
                url.apply(PackagedService.DISPATCH), url.apply(PackagedService.INSURANCE), url.apply(PackagedService.NOTIFY),
                TestServers.keycloak().realmUrl(), "127.0.0.1", secondSyslogPort);
    }

    private Map<String, String> env(PackagedService service) {
        Map<String, String> env = new java.util.HashMap<>(switch (service.name()) {
            // sensor health watched every second, with a second of grace, so a 10 s silence shows within the test
            case "ingest-service" -> Map.of("SYSLOG_PORT", Integer.toString(syslogPort), "SYSLOG_HOST", "127.0.0.1",
                    "SENSOR_GRACE", "1s", "SENSOR_SIGHTINGS_FLUSH_EVERY", "1s", "SENSOR_WATCH_EVERY", "1s");
            // P4 acknowledge clock short enough for FaultsTest to let it run out while triage is down
            // P1 one short enough for OnCallEscalationTest to see an escalation run its course across a notify restart
            case "triage-service" -> Map.of("ACK_DUE_P4", "PT15S", "ACK_DUE_P1", "PT60S", "SLA_CHECK_EVERY", "2s");
            case "dispatch-service" -> Map.of("PLANNING_SPENT_LIMIT", "PT2S", "PLANNING_UNIMPROVED_LIMIT", "PT0.3S");
            case "insurance-service" -> Map.of("WEBHOOK_FIRST_RETRY", "PT0.5S", "WEBHOOK_POLL", "PT0.5S");
            // escalation clocks looked at every second
            case "notify-service" -> Map.of("NOTICE_POLL", "PT0.5S", "NOTICE_FIRST_RETRY", "PT0.5S", "ESCALATION_WATCH_EVERY", "1s");
            default -> Map.of();
        });
        if (service == PackagedService.NOTIFY) {
            env.putAll(TestServers.mail().smtpEnv()); // notices to the test mail server
        }
        return env;
    }

    void awaitReady(PackagedService service) {
        service.awaitReady(running.get(service), ports.get(service), Duration.ofMinutes(3));
    }

    /** SIGKILL: no shutdown hook, no graceful anything — as when a machine dies. */
    void kill(PackagedService service) {
        running.get(service).kill();
    }

    String url(PackagedService service) {
        return ports.get(service).apiUrl();
    }

    /** Health and metrics: the management interface, not the API port. */
    String managementUrl(PackagedService service) {
        return ports.get(service).managementUrl();
    }

    Story.Endpoints endpoints() {
        return new Story.Endpoints(url(PackagedService.INGEST), url(PackagedService.TRIAGE), url(PackagedService.DISPATCH),
                url(PackagedService.INSURANCE), url(PackagedService.NOTIFY), TestServers.keycloak().realmUrl(), "127.0.0.1", syslogPort);
    }

    /** One number from a service's own database, e.g. how many alerts reached triage. */
    long count(String database, String sql) {
        try (Connection c = DriverManager.getConnection(TestServers.postgres().jdbcUrl(database), PostgresServer.USER,
                PostgresServer.PASSWORD); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** How many of a tenant's alerts (by source reference prefix) triage stored, once that stops growing. */
    long storedAlerts(UUID tenant, String prefix, long expected) throws InterruptedException {
        String sql = "select count(*) from incident_alert where tenant_id = '" + tenant + "' and source_ref like '" + prefix + "-%'";
        long stored = 0;
        for (int i = 0; i < 240; i++) {
            stored = count("triage", sql);
            if (stored >= expected) {
                Thread.sleep(2_000); // and nothing more arrives
                return count("triage", sql);
            }
            Thread.sleep(500);
        }
        return stored;
    }

    /** The alerts a tenant's incidents count. */
    long alertsCounted(UUID tenant) {
        return count("triage", "select coalesce(sum(alert_count), 0) from incident where tenant_id = '" + tenant + "'");
    }

    private void stopServices() {
        stopSecondInstances();
        running.values().forEach(p -> p.stop(Duration.ofSeconds(15)));
    }
}

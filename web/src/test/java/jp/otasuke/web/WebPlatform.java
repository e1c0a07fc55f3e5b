package jp.otasuke.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.otasuke.infra.platform.PackagedService;
import jp.otasuke.infra.platform.ServicePorts;
import jp.otasuke.infra.process.ChildProcess;
import jp.otasuke.infra.testing.TestServers;

/**
 * What the browser tests run against: real Kafka, PostgreSQL, Keycloak and a mail server (TestServers, random ports)
 * and the five packaged services as processes, started the way the launcher starts them; web itself is the Quarkus app under
 * test, pointed at them. The services stop with the test run; logs in {@code web/target/platform-logs/}.
 */
public class WebPlatform implements QuarkusTestResourceLifecycleManager {

    static final Map<PackagedService, ServicePorts> PORTS = new LinkedHashMap<>();
    static final int SYSLOG_PORT = jp.otasuke.infra.process.FreePorts.find();
    private final Map<PackagedService, ChildProcess> running = new LinkedHashMap<>();

    @Override
    public Map<String, String> start() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        // the servers first: one started while a service boots could take the port that service was given
        TestServers.postgres();
        TestServers.kafka();
        TestServers.keycloak();
        TestServers.mail();
        for (PackagedService service : PackagedService.ALL) {
            ServicePorts ports = ServicePorts.random();
            PORTS.put(service, ports);
            // a short acknowledge clock for P4 and fast planning keep the browser tests brisk
            Map<String, String> env = new HashMap<>(switch (service.name()) {
                // sightings written every second, so a page shows a sensor's last word soon after it spoke
                case "ingest-service" -> Map.of("SYSLOG_PORT", Integer.toString(SYSLOG_PORT), "SYSLOG_HOST", "127.0.0.1",
                        "SENSOR_SIGHTINGS_FLUSH_EVERY", "1s");
                case "dispatch-service" -> Map.of("PLANNING_SPENT_LIMIT", "PT2S", "PLANNING_UNIMPROVED_LIMIT", "PT0.3S");
                case "notify-service" -> Map.of("NOTICE_POLL", "PT0.5S");
                default -> Map.of();
            });
            if (service == PackagedService.NOTIFY) {
                env.putAll(TestServers.mail().smtpEnv());
            }
            running.put(service, service.start(root, ports, TestServers.postgres(), TestServers.kafka(), TestServers.keycloak(),
                    root.resolve("web/target/platform-logs/" + service.name() + ".log"), env));
        }
        running.forEach((service, process) -> service.awaitReady(process, PORTS.get(service), Duration.ofMinutes(3)));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.auth-server-url", TestServers.keycloak().realmUrl());
        config.put("kafka.bootstrap.servers", TestServers.kafka().bootstrapServers());
        config.put("otasuke.web.gateway.upstream.ingest", url(PackagedService.INGEST));
        config.put("otasuke.web.sensor-intake-url", url(PackagedService.INGEST));
        config.put("otasuke.web.gateway.upstream.triage", url(PackagedService.TRIAGE));
        config.put("otasuke.web.gateway.upstream.dispatch", url(PackagedService.DISPATCH));
        config.put("otasuke.web.gateway.upstream.insurance", url(PackagedService.INSURANCE));
        config.put("otasuke.web.gateway.upstream.notify", url(PackagedService.NOTIFY));
        return config;
    }

    static String url(PackagedService service) {
        return PORTS.get(service).apiUrl();
    }

    /** The services as the demo story addresses them. */
    static jp.otasuke.infra.story.Story.Endpoints endpoints() {
        return new jp.otasuke.infra.story.Story.Endpoints(url(PackagedService.INGEST), url(PackagedService.TRIAGE),
                url(PackagedService.DISPATCH), url(PackagedService.INSURANCE), url(PackagedService.NOTIFY),
                TestServers.keycloak().realmUrl(), "127.0.0.1", SYSLOG_PORT);
    }

    @Override
    public void stop() {
        running.values().forEach(p -> p.stop(Duration.ofSeconds(15)));
    }
}

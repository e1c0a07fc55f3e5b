package jp.otasuke.infra.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.otasuke.infra.kafka.KafkaBroker;
import jp.otasuke.infra.keycloak.KeycloakServer;
import jp.otasuke.infra.postgres.PostgresServer;
import jp.otasuke.infra.process.ChildProcess;
import jp.otasuke.infra.process.Http;
import jp.otasuke.infra.process.Wait;

/**
 * One of the five services (or web), packaged ({@code <name>/target/quarkus-app/quarkus-run.jar}) and run as its own
 * process against real servers: the one way the launcher, the benchmarks and the system tests start a service.
 */
public record PackagedService(String name, int defaultPort, String database) {

    public static final PackagedService INGEST = new PackagedService("ingest-service", 8081, "ingest");
    public static final PackagedService TRIAGE = new PackagedService("triage-service", 8082, "triage");
    public static final PackagedService DISPATCH = new PackagedService("dispatch-service", 8083, "dispatch");
    public static final PackagedService INSURANCE = new PackagedService("insurance-service", 8084, "insurance");
    /** Who is told what: on-call escalation and notices by mail (SMTP_HOST/SMTP_PORT, the mail server) and chat. */
    public static final PackagedService NOTIFY = new PackagedService("notify-service", 8085, "notify");
    public static final List<PackagedService> ALL = List.of(INGEST, TRIAGE, DISPATCH, INSURANCE, NOTIFY);
    /** The people's apps on one origin (no database of its own); its default upstreams are the services above. */
    public static final PackagedService WEB = new PackagedService("web", 8080, null);

    /** web's environment for these instances of the five services: where it forwards each API and where sensors post. */
    public static Map<String, String> webUpstreams(Map<PackagedService, ServicePorts> services) {
        Map<String, String> env = new HashMap<>(Map.of("SENSOR_INTAKE_URL", services.get(INGEST).apiUrl()));
        for (PackagedService service : ALL) {
            env.put(service.name().replace("-service", "").toUpperCase(java.util.Locale.ROOT) + "_URL", services.get(service).apiUrl());
        }
        return env;
    }

    /**
     * The secrets of this machine's platform: the development realm's client secrets and local keys. A packaged
     * service (production profile) has no default for any of them and refuses to start without it, so these are
     * given here, the one place that starts a packaged service on this machine, and never in infra/k8s.
     */
    static final Map<String, String> DEVELOPMENT_SECRETS = Map.of(
            "KEYCLOAK_PROVISIONER_SECRET", "otasuke-provisioner-secret",
            "SECRET_BOX_KEY", "dev-only-key-change-me-in-production",
            "WEB_CLIENT_SECRET", "otasuke-web-secret",
            "WEB_SESSION_SECRET", "local-only-session-secret-change-me-0123456789",
            "WEB_CSRF_KEY", "local-only-csrf-key-change-me");

    /**
     * What a service's JVM may take beside its heap, as in infra/k8s (checked by the deployment module): metaspace
     * (93-106 MB in use, jcmd VM.metaspace on the launcher's services), compiled code (38 MB in use under load, NMT)
     * and direct buffers (13 MB, NMT), so that a pod's memory limit can be set from the sum.
     */
    public static final List<String> NATIVE_MEMORY_CAPS = List.of("-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m",
            "-XX:MaxDirectMemorySize=64m");

    /** The local platform's ports: the API on its default port, management 1000 above (9081 for 8081). */
    public ServicePorts defaultPorts() {
        return new ServicePorts(defaultPort, defaultPort + 1000);
    }

    public Path jar(Path root) {
        return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public void requireJar(Path root) {
        if (!Files.isRegularFile(jar(root))) {
            throw new IllegalStateException(name + " is not built (" + jar(root) + "); run ./mvnw -B package -DskipTests");
        }
    }

    /**
     * Starts the service on {@code ports} with its own database on {@code postgres} (created if missing), and
     * returns without waiting ({@link #awaitReady}). {@code extraEnv} overrides the defaults (e.g. test clocks).
     */
    public ChildProcess start(Path root, ServicePorts ports, PostgresServer postgres, KafkaBroker kafka, KeycloakServer keycloak,
            Path log, Map<String, String> extraEnv) {
        return start(root, ports, postgres, kafka, keycloak, log, extraEnv, List.of());
    }

    /**
     * The same, the JVM launched by {@code launcher} (e.g. {@code ip netns exec <host>}: on a host of a test's own, where
     * it reaches the servers at the same addresses through that host's link).
     */
    public ChildProcess start(Path root, ServicePorts ports, PostgresServer postgres, KafkaBroker kafka, KeycloakServer keycloak,
            Path log, Map<String, String> extraEnv, List<String> launcher) {
        requireJar(root);
        Map<String, String> env = new HashMap<>();
        if (database != null) {
            postgres.createDatabase(database);
            env.putAll(Map.of("DB_URL", postgres.jdbcUrl(database), "DB_USER", PostgresServer.USER,
                    "DB_PASSWORD", PostgresServer.PASSWORD));
        }
        env.putAll(Map.of(
                "HTTP_PORT", Integer.toString(ports.api()),
                "MANAGEMENT_PORT", Integer.toString(ports.management()),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "OIDC_URL", keycloak.realmUrl(),
                "KEYCLOAK_URL", keycloak.url(),
                "LOG_JSON", "true",
                // glibc's default of 8 malloc arenas per core holds on to memory the JVM gave back (as in the image)
                "MALLOC_ARENA_MAX", "2"));
        // this machine's platform only: the demo's webhook printer and the tests' receivers listen on plain http on
        // localhost; in production the outbound policy allows neither (common's OutboundUrlPolicy)
        env.put("OUTBOUND_ALLOW_HTTP", "true");
        env.putAll(DEVELOPMENT_SECRETS);
        env.put("OUTBOUND_ALLOW_LOOPBACK", "true");
        env.putAll(extraEnv);
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // -Dotasuke.serviceHeap=256m for every service, -Dotasuke.serviceHeap.triage-service=… for one
                "-Xmx" + System.getProperty("otasuke.serviceHeap." + name, System.getProperty("otasuke.serviceHeap", defaultHeap())),
                // as in the image: the throughput collector; G1's own bookkeeping took 50 MB next to a 256 MB heap
                // and its barriers CPU (ingest benchmark runs 5 and 6: RSS 551 -> 510 MiB, intake +15%)
                "-XX:+UseParallelGC"));
        command.addAll(NATIVE_MEMORY_CAPS);
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null) {
            // -Dbench.jfr=/path/prefix: where the service spends its time (jfr print --events jdk.ExecutionSample)
            command.add("-XX:StartFlightRecording=filename=" + jfr + "-" + name + ".jfr,settings=profile,dumponexit=true");
        }
        String jvmOptions = System.getProperty("bench.serviceJvmOptions", "").trim();
        if (!jvmOptions.isEmpty()) {
            // -Dbench.serviceJvmOptions="-XX:NativeMemoryTracking=summary ...": a JVM setting to try on the services
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar(root).toString()));
        return ChildProcess.start(name, command, env, root, log);
    }

    /**
     * 256 MiB, but triage 192 MiB: with ParallelGC a heap is used to its limit under load, and triage's non-heap
     * (metaspace 94, code 38, symbols 24, GC 19 MB: NMT, triage benchmark run8) took it to 562 MiB with 256; at 192 it
     * peaked at 471 MiB with the same throughput (run9). infra/k8s runs the services with the same heaps (checked by the
     * deployment module).
     */
    public String defaultHeap() {
        return name.equals("triage-service") ? "192m" : "256m";
    }

    /** Waits for readiness (database and Kafka checked); fails with the end of the log if the process died. */
    public void awaitReady(ChildProcess process, ServicePorts ports, Duration timeout) {
        awaitReady(process, ports.managementUrl(), timeout);
    }

    /** The same for an instance whose management interface answers at {@code managementUrl} (e.g. a test's own host). */
    public void awaitReady(ChildProcess process, String managementUrl, Duration timeout) {
        try {
            Wait.until(name, timeout, () -> Http.answersOk(managementUrl + "/q/health/ready"), process::isAlive,
                    System.out::println);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " (log: " + process.log() + ")\n" + process.tail(20), e);
        }
    }
}

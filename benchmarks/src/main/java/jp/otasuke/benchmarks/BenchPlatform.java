package jp.otasuke.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.otasuke.infra.kafka.KafkaBroker;
import jp.otasuke.infra.keycloak.KeycloakServer;
import jp.otasuke.infra.platform.PackagedService;
import jp.otasuke.infra.platform.ServicePorts;
import jp.otasuke.infra.postgres.PostgresServer;
import jp.otasuke.infra.process.ChildProcess;
import jp.otasuke.infra.process.Directories;
import jp.otasuke.infra.process.FreePorts;
import jp.otasuke.infra.testing.Tokens;

/**
 * The servers a benchmark runs against, started the same way as for the launcher and the tests (random
 * ports, a temporary folder), plus the packaged service under test as its own process.
 */
final class BenchPlatform implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    final Path dir;
    final PostgresServer postgres;
    final KafkaBroker kafka;
    final KeycloakServer keycloak;
    ChildProcess ingest;
    ChildProcess triage;
    ChildProcess web;
    /** The rest of the platform, for the time-to-help benchmark: dispatch, insurance, notify and the mail server. */
    final java.util.List<ChildProcess> others = new java.util.ArrayList<>();
    jp.otasuke.infra.mail.MailServer mail;
    final Map<PackagedService, ServicePorts> ports = new java.util.HashMap<>();
    int webPort;
    int ingestPort;
    int syslogPort;
    int triagePort;
    private boolean closed;

    BenchPlatform() throws IOException {
        dir = Files.createTempDirectory(Directories.create(Directories.cache().resolve("bench-runs")), "run-");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        postgres = PostgresServer.start(dir.resolve("postgres"), FreePorts.find(), false);
        kafka = KafkaBroker.start(dir.resolve("kafka"), FreePorts.find());
        keycloak = KeycloakServer.start(dir.resolve("keycloak"), FreePorts.find(), System.out::println);
        // Ctrl-C on a run must not leave servers behind
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "bench-cleanup"));
    }

    void startIngest(Path root) {
        ServicePorts ingestPorts = ServicePorts.random();
        ingestPort = ingestPorts.api();
        syslogPort = FreePorts.find();
        ingest = start(root, PackagedService.INGEST, ingestPorts, Map.of("SYSLOG_PORT", Integer.toString(syslogPort),
                // the benchmark measures throughput, not the per-sensor limit
                "INTAKE_RATE_PER_SECOND", "1000000", "INTAKE_RATE_BURST", "1000000"));
    }

    void startTriage(Path root) {
        ServicePorts triagePorts = ServicePorts.random();
        triagePort = triagePorts.api();
        // -Dbench.triageEnv=NAME=value,NAME=value: a setting to try on triage only
        Map<String, String> env = new java.util.HashMap<>();
        for (String pair : System.getProperty("bench.triageEnv", "").split(",")) {
            if (pair.contains("=")) {
                env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        triage = start(root, PackagedService.TRIAGE, triagePorts, env);
    }

    /** web (the people's apps) in front of the ingest and triage started here. */
    void startWeb(Path root) {
        ServicePorts webPorts = ServicePorts.random();
        webPort = webPorts.api();
        web = start(root, PackagedService.WEB, webPorts, Map.of("INGEST_URL", "http://localhost:" + ingestPort,
                "TRIAGE_URL", "http://localhost:" + triagePort));
    }

    /**
     * The whole platform for the time-to-help benchmark: every service (ingest without its per-sensor limit, as for
     * the other benchmarks), web in front of them and a mail server for notify; {@code everyService} is given to each
     * (the benchmark lifts the API's per-caller limit: its few callers act for many people). Returns the API's address.
     */
    jp.otasuke.infra.story.Story.Endpoints startAll(Path root, Map<String, String> everyService) {
        mail = jp.otasuke.infra.mail.MailServer.start(FreePorts.find(), FreePorts.find(), dir.resolve("mail.log"));
        syslogPort = FreePorts.find();
        Map<String, String> ingestEnv = new java.util.HashMap<>(everyService);
        ingestEnv.putAll(Map.of("SYSLOG_PORT", Integer.toString(syslogPort), "INTAKE_RATE_PER_SECOND", "1000000",
                "INTAKE_RATE_BURST", "1000000"));
        Map<String, String> notifyEnv = new java.util.HashMap<>(everyService);
        notifyEnv.putAll(mail.smtpEnv());
        Map<PackagedService, Map<String, String>> envs = Map.of(PackagedService.INGEST, ingestEnv, PackagedService.TRIAGE, everyService,
                PackagedService.DISPATCH, everyService, PackagedService.INSURANCE, everyService, PackagedService.NOTIFY, notifyEnv);
        Map<PackagedService, ChildProcess> started = new java.util.LinkedHashMap<>();
        for (PackagedService service : PackagedService.ALL) {
            ports.put(service, ServicePorts.random());
            started.put(service, service.start(root, ports.get(service), postgres, kafka, keycloak,
                    dir.resolve(service.name() + ".log"), envs.get(service)));
        }
        started.forEach((service, process) -> service.awaitReady(process, ports.get(service), Duration.ofMinutes(3)));
        ingest = started.get(PackagedService.INGEST);
        triage = started.get(PackagedService.TRIAGE);
        others.addAll(List.of(started.get(PackagedService.DISPATCH), started.get(PackagedService.INSURANCE),
                started.get(PackagedService.NOTIFY)));
        ingestPort = ports.get(PackagedService.INGEST).api();
        triagePort = ports.get(PackagedService.TRIAGE).api();
        Map<String, String> webEnv = new java.util.HashMap<>(everyService);
        webEnv.putAll(PackagedService.webUpstreams(ports));
        ServicePorts webPorts = ServicePorts.random();
        webPort = webPorts.api();
        web = start(root, PackagedService.WEB, webPorts, webEnv);
        return new jp.otasuke.infra.story.Story.Endpoints(ports.get(PackagedService.INGEST).apiUrl(),
                ports.get(PackagedService.TRIAGE).apiUrl(), ports.get(PackagedService.DISPATCH).apiUrl(),
                ports.get(PackagedService.INSURANCE).apiUrl(), ports.get(PackagedService.NOTIFY).apiUrl(), keycloak.realmUrl(),
                "127.0.0.1", syslogPort);
    }

    private ChildProcess start(Path root, PackagedService service, ServicePorts ports, Map<String, String> extra) {
        ChildProcess process = service.start(root, ports, postgres, kafka, keycloak, dir.resolve(service.name() + ".log"), extra);
        service.awaitReady(process, ports, Duration.ofMinutes(2));
        return process;
    }

    /** Onboards an SME through the API and registers a sensor sending syslog from 127.0.0.1; returns its key. */
    String sensorKey() throws Exception {
        return sensorKey("127.0.0.1");
    }

    /** Onboards an SME and registers an HTTP sensor (a syslog one too when {@code sourceAddress} is given). */
    String sensorKey(String sourceAddress) throws Exception {
        return sensorKey(sourceAddress, Tokens.forUser(keycloak.realmUrl(), "ops-admin"));
    }

    /** The same with an administrator's token already taken (many onboardings at once: one sign-in, not one each). */
    String sensorKey(String sourceAddress, String admin) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        JsonNode tenant = post("/api/v1/tenants", admin, Map.of("name", "Benchmark SME " + unique,
                "contactEmail", "bench-" + unique + "@example.jp",
                "site", Map.of("postalCode", "100-0001", "prefecture", "東京都", "address", "千代田区千代田1-1",
                        "latitude", 35.6852, "longitude", 139.7528),
                "plan", Map.of("type", "NETWORK", "endpointCount", 0, "monthlyFeeYen", 9_800),
                "admin", Map.of("email", "bench-admin-" + unique + "@example.jp", "name", "Bench",
                        "initialPassword", "correct-horse-battery")));
        JsonNode sensor = post("/api/v1/tenants/" + tenant.get("id").asText() + "/sensors", admin,
                sourceAddress == null ? Map.of("kind", "NETWORK", "name", "bench")
                        : Map.of("kind", "NETWORK", "name", "bench", "sourceAddress", sourceAddress));
        return sensor.get("apiKey").asText();
    }

    private JsonNode post(String path, String token, Object body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + ingestPort + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Resident memory of the ingest process, from /proc. */
    long ingestRssKiB() {
        return rssKiB(ingest);
    }

    /** Resident memory of a process, from /proc; 0 once it is gone. */
    static long rssKiB(ChildProcess process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        }
        return 0;
    }

    /** CPU time (user + system) a process has used so far, in seconds, from /proc; 0 once it is gone. */
    static double cpuSeconds(long pid) {
        return cpuSeconds(Path.of("/proc/" + pid + "/stat"));
    }

    /** The same from a process's or a thread's stat file ({@code /proc/PID/task/TID/stat}); 0 once it is gone. */
    static double cpuSeconds(Path stat) {
        try {
            String line = Files.readString(stat);
            // fields after the command name (which may hold spaces): utime and stime are the 12th and 13th
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU time used so far by every live PostgreSQL process (the server and its backends), in seconds. */
    static double postgresCpuSeconds() {
        return ProcessCpu.now().seconds(ProcessCpu.POSTGRES);
    }

    /** The machine, for the results: cores, CPU model, memory, Java. */
    static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D", "");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + Long.parseLong(mem) / 1024 / 1024
                + " GiB RAM, Java " + System.getProperty("java.version");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (web != null) {
            web.stop(Duration.ofSeconds(20));
        }
        others.forEach(process -> process.stop(Duration.ofSeconds(20)));
        if (triage != null) {
            triage.stop(Duration.ofSeconds(20));
        }
        if (ingest != null) {
            ingest.stop(Duration.ofSeconds(20));
        }
        if (mail != null) {
            mail.stop();
        }
        keycloak.stop();
        kafka.stop();
        postgres.stop();
        keepServiceLogs();
        Directories.deleteTree(dir);
    }

    /** The services' logs outlive the run (benchmarks/target/last-run-logs), so a failed run can be read afterwards. */
    private void keepServiceLogs() {
        Path kept = Path.of("benchmarks/target/last-run-logs");
        try (var logs = Files.list(dir)) {
            Files.createDirectories(kept);
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("Could not keep the services' logs: " + e.getMessage());
        }
    }
}

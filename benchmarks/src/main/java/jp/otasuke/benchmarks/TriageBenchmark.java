package jp.otasuke.benchmarks;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jp.otasuke.infra.postgres.PostgresServer;

/**
 * Alerts correlated and persisted end to end on this machine: sensors post canonical alerts to the packaged
 * ingest-service, which publishes them to Kafka; the packaged triage-service correlates them into incidents
 * in PostgreSQL. Alert-to-incident latency is measured per alert in the database: from the moment ingest took
 * the alert in ({@code received_at}, stamped by ingest before Kafka acknowledged it) to the moment triage stored
 * it in its incident ({@code stored_at}); both clocks are this machine's. Phases: paced at 1,000 and 5,000
 * alerts/s, then a flood (as fast as ingest accepts) for triage's sustained rate. Writes
 * {@code benchmarks/results/triage-DATE.md}. Run it with {@code benchmarks/run-triage.sh}.
 */
public final class TriageBenchmark {

    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    private static final int TENANTS = Integer.getInteger("bench.tenants", 12);
    private static final int HOSTS = Integer.getInteger("bench.hostsPerTenant", 40);
    private static final int FLOOD_CLIENTS = Integer.getInteger("bench.httpClients", 6);
    /** Alerts accepted by ingest in every phase so far (warm-up included). */
    private static long acceptedSoFar;
    /** What triage and PostgreSQL spent working off the drain phase's backlog. */
    private static String drainCpu = "not measured";
    /** -Dbench.phases=drain: only some phases, e.g. to profile one (warm-up always runs). */
    private static final List<String> PHASES = List.of(System.getProperty("bench.phases", "paced-1k,paced-5k,flood,drain").split(","));
    private static final String[] CATEGORIES = {"INTRUSION", "RECON", "MALWARE", "C2", "BRUTE_FORCE", "POLICY"};
    private static final String[] SEVERITIES = {"LOW", "MEDIUM", "HIGH", "MEDIUM"};

    private record Phase(String name, long accepted, long stored, double sendSeconds, double sendRate,
            double storeRate, double p50Ms, double p99Ms, double maxMs, long incidents) {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path root = Path.of(".").toAbsolutePath().normalize();
        List<Phase> phases = new ArrayList<>();
        long maxRss;
        try (BenchPlatform platform = new BenchPlatform()) {
            platform.startIngest(root);
            platform.startTriage(root);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < TENANTS; i++) {
                keys.add(platform.sensorKey(null));
            }
            String url = "http://localhost:" + platform.ingestPort + "/api/v1/alerts";
            String jdbc = platform.postgres.jdbcUrl("triage");
            PeakRss peak = PeakRss.of(platform.triage);
            // JIT and pools, not reported: a service that has been running a while is what the phases measure
            paced(url, keys, "warm-up", 1_000, Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 30)), jdbc);
            if (PHASES.contains("paced-1k")) {
                phases.add(paced(url, keys, "paced-1k", 1_000, PHASE, jdbc));
            }
            if (PHASES.contains("paced-5k")) {
                phases.add(paced(url, keys, "paced-5k", 5_000, PHASE, jdbc));
            }
            if (PHASES.contains("flood")) {
                phases.add(flood(url, keys, "flood", jdbc));
            }
            if (PHASES.contains("drain")) {
                phases.add(drain(platform, url, keys, jdbc));
            }
            peak.close();
            maxRss = peak.kib();
        }
        report(phases, maxRss);
    }

    /** Sends {@code rate} alerts/s in ticks of 100 ms, spread over the tenants, for {@code duration}. */
    private static Phase paced(String url, List<String> keys, String name, int rate, Duration duration, String jdbc)
            throws Exception {
        long start = System.nanoTime();
        long accepted = PacedAlerts.send(url, keys, rate, duration, (sequence, count) -> batch(name, sequence, count));
        return measure(name, accepted, (System.nanoTime() - start) / 1e9, jdbc);
    }

    /** Several clients post batches of 500 as fast as ingest answers, for the phase's duration. */
    private static Phase flood(String url, List<String> keys, String name, String jdbc) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong accepted = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(FLOOD_CLIENTS);
        long start = System.nanoTime();
        long end = start + PHASE.toNanos();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < FLOOD_CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                int t = client;
                while (System.nanoTime() < end) {
                    PacedAlerts.post(http, url, keys.get(t++ % keys.size()), batch(name, sequence, 500), accepted).join();
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        return jdbc == null ? new Phase(name, accepted.get(), 0, seconds, accepted.get() / seconds, 0, 0, 0, 0, 0)
                : measure(name, accepted.get(), seconds, jdbc);
    }

    /**
     * Triage's own capacity: on two cores, ingest and the load generator take most of the CPU while they send, so
     * triage is stopped (SIGSTOP, well within the consumer's session timeout) while ingest fills Kafka with a flood,
     * then continued; the rate is how fast it works off that backlog, first to last alert stored, with the machine
     * to itself. The same path (ingest, Kafka, triage, PostgreSQL), only not at the same time.
     */
    private static Phase drain(BenchPlatform platform, String url, List<String> keys, String jdbc) throws Exception {
        platform.triage.signal("STOP");
        Phase sent;
        double triageCpu = BenchPlatform.cpuSeconds(platform.triage.pid());
        double postgresCpu;
        try {
            sent = flood(url, keys, "drain", null);
        } finally {
            postgresCpu = BenchPlatform.postgresCpuSeconds();
            platform.triage.signal("CONT");
        }
        Phase drained = measure("drain", sent.accepted(), sent.sendSeconds(), jdbc);
        // CPU per alert does not depend on what else the shared machine was doing, unlike the rate
        drainCpu = String.format("triage %.0f µs of CPU per alert, PostgreSQL %.0f µs per alert",
                (BenchPlatform.cpuSeconds(platform.triage.pid()) - triageCpu) * 1e6 / drained.stored(),
                (BenchPlatform.postgresCpuSeconds() - postgresCpu) * 1e6 / drained.stored());
        System.out.println("drain: " + drainCpu);
        return drained;
    }

    /** Canonical alerts of one sensor: hosts and categories vary, so correlation both joins and opens incidents. */
    private static String batch(String phase, AtomicLong sequence, int count) {
        StringBuilder b = new StringBuilder("[");
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            long n = sequence.getAndIncrement();
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"sourceRef\":\"").append(phase).append('-').append(n).append("\",\"observedAt\":\"").append(now)
                    .append("\",\"category\":\"").append(CATEGORIES[(int) (n % CATEGORIES.length)])
                    .append("\",\"severity\":\"").append(SEVERITIES[(int) (n / 7 % SEVERITIES.length)])
                    .append("\",\"title\":\"ET POLICY suspicious traffic ").append(n % 97)
                    .append("\",\"host\":\"pc-").append(n / 3 % HOSTS).append("\",\"srcIp\":\"203.0.113.").append(n % 250)
                    .append("\",\"dstIp\":\"192.168.1.").append(n % HOSTS).append("\",\"signature\":\"").append(2_000_000 + n % 97)
                    .append("\"}");
        }
        return b.append(']').toString();
    }

    /** Waits until triage stored every accepted alert of the phase, then reads rates and latencies from its database. */
    private static Phase measure(String name, long accepted, double sendSeconds, String jdbc) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, PostgresServer.PASSWORD)) {
            // every alert accepted so far is counted in its incident once stored: summing a few thousand incident
            // counts is cheap, where counting the phase's alert rows would scan the table under the load it measures
            acceptedSoFar += accepted;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline && single(db, "select coalesce(sum(alert_count), 0) from incident") < acceptedSoFar) {
                Thread.sleep(200);
            }
            long stored = single(db, "select count(*) from incident_alert where source_ref like ?", name + "-%");
            try (PreparedStatement s = db.prepareStatement("""
                    select percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms),
                           max(ms), extract(epoch from max(stored_at) - min(received_at)), count(distinct incident_id),
                           extract(epoch from max(stored_at) - min(stored_at))
                    from (select extract(epoch from stored_at - received_at) * 1000 as ms, stored_at, received_at, incident_id
                          from incident_alert where source_ref like ?) a""")) {
                s.setString(1, name + "-%");
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    // a drain is timed from its first alert stored (the backlog was waiting), the others from the first sent
                    double span = name.equals("drain") ? r.getDouble(6) : r.getDouble(4);
                    Phase phase = new Phase(name, accepted, stored, sendSeconds, accepted / sendSeconds, stored / span,
                            r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getLong(5));
                    System.out.println(phase);
                    return phase;
                }
            }
        }
    }

    private static long single(Connection db, String sql, String... parameters) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void report(List<Phase> phases, long maxRssKiB) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# triage-service correlation benchmark, ").append(LocalDate.now()).append("\n\n");
        md.append("Machine: ").append(BenchPlatform.machine()).append("\n\n");
        md.append("Command: `benchmarks/run-triage.sh` (phases of ").append(PHASE.toSeconds()).append(" s, ").append(TENANTS)
                .append(" SMEs with one sensor each, ").append(HOSTS).append(" hosts per SME, flood with ").append(FLOOD_CLIENTS)
                .append(" HTTP clients posting 500 alerts per request). ingest-service (-Xmx").append(heap("ingest-service", "256m"))
                .append("), triage-service (-Xmx").append(heap("triage-service", "192m"))
                .append("), Kafka, PostgreSQL and Keycloak all on this machine, together with the load generator.\n\n");
        md.append("Latency = triage's `stored_at` − ingest's `received_at` of each alert (ingest took it in → it is in its incident).\n\n");
        md.append("| phase | alerts accepted | stored | send s | offered alerts/s | stored alerts/s | p50 ms | p99 ms | max ms | incidents |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            md.append(String.format("| %s | %d | %d | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %d |%n", p.name(), p.accepted(),
                    p.stored(), p.sendSeconds(), p.sendRate(), p.storeRate(), p.p50Ms(), p.p99Ms(), p.maxMs(), p.incidents()));
        }
        md.append("\nThe drain phase's latencies are the time alerts waited in Kafka while triage was stopped, not triage's;"
                + " its stored alerts/s is triage working off the backlog with the machine to itself. While it did: "
                + drainCpu + " (the PostgreSQL figure includes the benchmark's completion check, a sum over the incidents every 200 ms).\n");
        md.append(String.format("%nPeak RSS of triage-service during the run: %d MiB.%n", maxRssKiB / 1024));
        System.out.println(md);
        Path out = Path.of("benchmarks/results/triage-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println("Written to " + out);
    }

    /** The heap a service ran with (infra PackagedService's default unless the run set one). */
    private static String heap(String service, String byDefault) {
        return System.getProperty("otasuke.serviceHeap." + service, System.getProperty("otasuke.serviceHeap", byDefault));
    }
}

package jp.otasuke.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import jp.otasuke.infra.postgres.PostgresServer;
import jp.otasuke.infra.testing.Tokens;

/**
 * Alert to screen, on this machine: sensors post alerts to the packaged ingest-service at a steady rate, in two mixes
 * after a warm-up: realistic (one alert in a hundred on a machine not seen before, so it opens an incident) and stress
 * (one in three); triage correlates them; web's live feed pushes the change notices over SSE to soc-1, signed in
 * through Keycloak like a browser. For each mix, the CPU each process used (the benchmark's own JVM apart), from which
 * the cost of a new incident and of a joining alert are solved. Each new incident's latency is
 * from ingest taking in its first alert ({@code received_at}, this machine's clock) to the SSE client reading its
 * {@code incident.opened} notice. Then, with the incidents left open, the queue's page time through web and
 * directly on triage, and web's peak RSS. Writes {@code benchmarks/results/web-DATE.md}; run it with
 * {@code benchmarks/run-web.sh}.
 */
public final class WebBenchmark {

    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    private static final int RATE = Integer.getInteger("bench.rate", 1_000);
    private static final int TENANTS = Integer.getInteger("bench.tenants", 10);
    private static final int PAGES = Integer.getInteger("bench.pages", 300);
    /** One alert in this many opens an incident: the realistic mix, and the stress mix the benchmark first ran. */
    private static final int REALISTIC_ONE_IN = Integer.getInteger("bench.realisticOneIn", 100);
    private static final int STRESS_ONE_IN = Integer.getInteger("bench.stressOneIn", 3);
    private static final Map<String, Long> SEEN = new ConcurrentHashMap<>();
    private static final AtomicLong NOTICES = new AtomicLong();

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path root = Path.of(".").toAbsolutePath().normalize();
        StringBuilder md = new StringBuilder();
        if (System.getProperty("bench.triageEnv") == null) {
            // the page times measure the queue, not soc-1's rate limit (20/s), which 300 pages in a row exceed
            System.setProperty("bench.triageEnv", "API_REQUESTS_PER_SECOND=100000,API_BURST=100000");
        }
        if (System.getProperty("otasuke.postgres.settings") == null) {
            // statements per new incident (issue 33): what triage asks PostgreSQL, counted by pg_stat_statements
            System.setProperty("otasuke.postgres.settings", "shared_preload_libraries=pg_stat_statements;pg_stat_statements.track=all");
        }
        try (BenchPlatform platform = new BenchPlatform()) {
            platform.startIngest(root);
            platform.startTriage(root);
            platform.startWeb(root);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < TENANTS; i++) {
                keys.add(platform.sensorKey(null));
            }
            String web = "http://localhost:" + platform.webPort;
            WebSession soc = WebSession.signIn(web, "soc-1", "soc-1");
            LiveFeed.follow(soc, (notice, at) -> {
                NOTICES.incrementAndGet();
                if (notice.path("type").asText().equals("otasuke.incident.opened.v1")) {
                    SEEN.putIfAbsent(notice.path("incidentId").asText(), at);
                }
            });
            PeakRss peak = PeakRss.of(platform.web);
            String url = "http://localhost:" + platform.ingestPort + "/api/v1/alerts";
            String jdbc = platform.postgres.jdbcUrl("triage");
            // on a 2-core machine the services' JIT compilers and Keycloak's own start-up took most of the first minute: a 10 s
            // warm-up measured them, not the alerts; after 60 s the compilers still took a third to a half of the services'
            // CPU, after 120 s 14-31% (issue 33, runs 2, 8 and 9)
            long warmUp = send(url, keys, "warm", 3, RATE, Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 120)));
            long stored = drained(jdbc, warmUp);
            Phase idle = Phase.idle(Duration.ofSeconds(10));
            // -Dbench.stressFirst=true runs the stress mix right after the warm-up, as the benchmark first did
            boolean stressFirst = Boolean.getBoolean("bench.stressFirst");
            // the benchmark's own JVM too: its Kafka broker's threads are the platform's, its HTTP clients are not
            Map<String, Long> services = new java.util.LinkedHashMap<>();
            services.put("ingest", platform.ingest.pid());
            services.put("triage", platform.triage.pid());
            services.put("web", platform.web.pid());
            services.put("bench JVM (Kafka broker, load generator, SSE client)", ProcessHandle.current().pid());
            Phase realistic = stressFirst ? null : Phase.run("real", REALISTIC_ONE_IN, url, keys, jdbc, stored, services);
            Statements.reset(jdbc);
            Phase stress = Phase.run("screen", STRESS_ONE_IN, url, keys, jdbc, stored + (stressFirst ? 0 : realistic.accepted),
                    services);
            String statements = Statements.top(jdbc, stress.newIncidents(), 25) + Statements.correlationPlan(jdbc);
            if (stressFirst) {
                realistic = Phase.run("real", REALISTIC_ONE_IN, url, keys, jdbc, stored + stress.accepted, services);
            }
            long open = openIncidents(jdbc);
            String token = Tokens.forUser(platform.keycloak.realmUrl(), "soc-1");
            List<Double> throughWeb = pages(soc.http, () -> soc.request("/api/triage/incidents?active=true&limit=50"));
            List<Double> direct = pages(HttpClient.newHttpClient(), () -> HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + platform.triagePort + "/api/v1/incidents?active=true&limit=50"))
                    .header("Authorization", "Bearer " + token));
            List<Double> deep = deepPages(soc);
            peak.close();
            md.append("# web: alert to screen, queue page time, memory, ").append(LocalDate.now()).append("\n\n");
            md.append("Machine: ").append(BenchPlatform.machine()).append("\n\n");
            md.append("Command: `benchmarks/run-web.sh`: ").append(RATE).append(" alerts/s for ").append(PHASE.toSeconds())
                    .append(" s in each of two mixes, from ").append(TENANTS).append(" SMEs' sensors, after a warm-up of ")
                    .append(Long.getLong("bench.warmupSeconds", 120)).append(" s: the realistic mix ")
                    .append("(one alert in ").append(REALISTIC_ONE_IN).append(" on a machine not seen before, so it opens an incident; ")
                    .append("the others join the open incidents of 40 machines), ").append(stressFirst ? "after" : "then")
                    .append(" the stress mix (one in ").append(STRESS_ONE_IN).append("). ingest-service, triage-service, web (each -Xmx")
                    .append(System.getProperty("otasuke.serviceHeap", "256m"))
                    .append("), Kafka, PostgreSQL and Keycloak all on this machine with the load generator and the SSE client.\n\n");
            md.append("Alert to screen = the SSE client (soc-1, signed in through Keycloak's form) reading `incident.opened` − ingest's ")
                    .append("`received_at` of the incident's first alert.\n\n");
            md.append("| measure | n | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
            row(md, "alert → screen, realistic mix (new incident)", realistic.latencies);
            row(md, "alert → screen, stress mix (new incident)", stress.latencies);
            row(md, "queue page, first 50 of the open queue, through web", throughWeb);
            row(md, "queue page, first 50, on triage directly", direct);
            row(md, "queue page, following the cursor 50 at a time, through web", deep);
            md.append(String.format("%nAlerts accepted: %d (warm-up %d), %d in the realistic mix, %d in the stress mix. Notices the "
                    + "SSE client received: %d. Open incidents when the pages were read: %d.%n%nPeak RSS of web during the run: %d MiB.%n",
                    warmUp + realistic.accepted + stress.accepted, warmUp, realistic.accepted, stress.accepted, NOTICES.get(), open,
                    peak.kib() / 1024));
            md.append(cpuTable(idle, realistic, stress));
            md.append(statements);
        }
        System.out.println(md);
        Path out = Path.of("benchmarks/results/web-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println("Written to " + out);
        System.exit(0);
    }

    /**
     * {@code rate} alerts/s for {@code duration}; one in {@code oneIn} on a machine not seen before (a new incident), the
     * others on one of 40 machines whose incidents stay open, so they join one.
     */
    private static long send(String url, List<String> keys, String phase, int oneIn, int rate, Duration duration) throws Exception {
        return PacedAlerts.send(url, keys, rate, duration, (sequence, count) -> {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < count; i++) {
                long n = sequence.getAndIncrement();
                String host = n % oneIn == 0 ? phase + "-" + n : "pc-" + n % 40;
                b.append(i > 0 ? "," : "").append("{\"sourceRef\":\"").append(phase).append('-').append(n)
                        .append("\",\"observedAt\":\"").append(Instant.now()).append("\",\"category\":\"INTRUSION\",")
                        .append("\"severity\":\"HIGH\",\"title\":\"ET EXPLOIT attempt ").append(n % 97)
                        .append("\",\"host\":\"").append(host).append("\"}");
            }
            return b.append(']').toString();
        });
    }

    /** Waits until triage stored {@code total} alerts in all (at most five minutes); returns how many it stored. */
    private static long drained(String jdbc, long total) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, PostgresServer.PASSWORD)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            long stored;
            while ((stored = single(db, "select coalesce(sum(alert_count), 0) from incident")) < total
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return stored;
        }
    }

    /** The new incidents of a phase (their hosts start with {@code phase}), from their first alert to the screen. */
    private static List<Double> latencies(String jdbc, String phase) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, PostgresServer.PASSWORD)) {
            List<Double> latencies = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("""
                    select i.id, extract(epoch from min(a.received_at)) * 1000 from incident i
                    join incident_alert a on a.incident_id = i.id
                    where i.correlation_key like ? group by i.id""")) {
                s.setString(1, "host:" + phase + "-%");
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Long seen = SEEN.get(r.getString(1));
                        if (seen != null) {
                            latencies.add(seen - r.getDouble(2));
                        } else {
                            latencies.add(Double.POSITIVE_INFINITY); // never seen on screen: counts as the worst
                        }
                    }
                }
            }
            return latencies;
        }
    }

    /**
     * One mix, measured: alerts sent for the phase's length, then until triage stored them all (the CPU a backlog costs
     * belongs to the mix that made it), then five seconds for the last notices.
     */
    private record Phase(String name, int oneIn, long accepted, double sendSeconds, double drainSeconds, double machineBusy,
            Map<String, Double> cores, Map<String, Map<String, Double>> threads, List<Double> latencies) {

        static Phase idle(Duration length) throws InterruptedException {
            ProcessCpu before = ProcessCpu.now();
            MachineCpu machine = MachineCpu.now();
            long t0 = System.nanoTime();
            Thread.sleep(length.toMillis());
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Phase("idle", 0, 0, seconds, seconds, MachineCpu.now().busySince(machine),
                    ProcessCpu.now().coresSince(before, seconds), Map.of(), List.of());
        }

        static Phase run(String name, int oneIn, String url, List<String> keys, String jdbc, long storedBefore,
                Map<String, Long> services) throws Exception {
            ProcessCpu before = ProcessCpu.now();
            Map<String, ThreadCpu> threadsBefore = new java.util.LinkedHashMap<>();
            services.forEach((service, process) -> threadsBefore.put(service, ThreadCpu.of(process)));
            MachineCpu machine = MachineCpu.now();
            long t0 = System.nanoTime();
            long accepted = send(url, keys, name, oneIn, RATE, PHASE);
            double sendSeconds = (System.nanoTime() - t0) / 1e9;
            double busy = MachineCpu.now().busySince(machine);
            drained(jdbc, storedBefore + accepted);
            double drainSeconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> cores = ProcessCpu.now().coresSince(before, drainSeconds);
            Map<String, Map<String, Double>> threads = new java.util.LinkedHashMap<>();
            services.forEach((service, process) -> threads.put(service, ThreadCpu.of(process).since(threadsBefore.get(service))));
            System.out.printf("%s mix: %d alerts in %.1f s, stored after %.1f s, machine %.0f%% busy%n", name, accepted, sendSeconds,
                    drainSeconds, busy);
            Thread.sleep(5_000); // the last notices
            return new Phase(name, oneIn, accepted, sendSeconds, drainSeconds, busy, cores, threads, WebBenchmark.latencies(jdbc, name));
        }

        /** CPU-seconds all the platform's processes (not the benchmark's JVM) spent in the phase. */
        double platformCpuSeconds() {
            return cores.entrySet().stream().filter(e -> !e.getKey().equals(ProcessCpu.BENCH))
                    .mapToDouble(Map.Entry::getValue).sum() * drainSeconds;
        }

        /** CPU-seconds the JIT compilers of ingest, triage and web spent in the phase. */
        double serviceCompilerSeconds() {
            return threads.entrySet().stream().filter(e -> !e.getKey().startsWith("bench"))
                    .mapToDouble(e -> ThreadCpu.compilers(e.getValue())).sum();
        }

        long newIncidents() {
            return oneIn == 0 ? 0 : (accepted + oneIn - 1) / oneIn;
        }

        long joiningAlerts() {
            return accepted - newIncidents();
        }
    }

    /**
     * Cores per process in each phase, and what a new incident and an alert that joins one cost the platform: the two
     * mixes are two equations (their CPU above idle = opens × per-open + joins × per-join) in those two unknowns.
     */
    private static String cpuTable(Phase idle, Phase realistic, Phase stress) {
        StringBuilder md = new StringBuilder("\n## Where the CPU goes\n\nCores used on average by each process, from a phase's "
                + "first alert until triage had stored its last (idle: 10 s with no alerts); machine busy = all cores, every "
                + "process, while the alerts were being sent (100% = saturated).\n\n| process | idle | realistic mix | stress mix |\n"
                + "|---|---|---|---|\n");
        java.util.Set<String> labels = new java.util.TreeSet<>(stress.cores.keySet());
        labels.addAll(realistic.cores.keySet());
        for (String label : labels) {
            md.append(String.format("| %s | %.2f | %.2f | %.2f |%n", label, idle.cores.getOrDefault(label, 0.0),
                    realistic.cores.getOrDefault(label, 0.0), stress.cores.getOrDefault(label, 0.0)));
        }
        md.append(String.format("| **platform (all but bench)** | %.2f | %.2f | %.2f |%n", idle.platformCpuSeconds() / idle.drainSeconds,
                realistic.platformCpuSeconds() / realistic.drainSeconds, stress.platformCpuSeconds() / stress.drainSeconds));
        md.append(String.format("| machine busy while sending | %.0f%% | %.0f%% | %.0f%% |%n", idle.machineBusy, realistic.machineBusy,
                stress.machineBusy));
        md.append(String.format("| sent in / stored after (s) | | %.1f / %.1f | %.1f / %.1f |%n", realistic.sendSeconds,
                realistic.drainSeconds, stress.sendSeconds, stress.drainSeconds));
        md.append("\nInside the services: each kind of thread's share of the process's CPU in the phase (JVM thread names, "
                + "first 15 characters, numbers dropped).\n\n| service | realistic mix | stress mix |\n|---|---|---|\n");
        stress.threads.forEach((service, spent) -> md.append("| ").append(service).append(" | ")
                .append(ThreadCpu.top(realistic.threads.getOrDefault(service, Map.of()), 10)).append(" | ")
                .append(ThreadCpu.top(spent, 10)).append(" |\n"));
        double idleRate = idle.platformCpuSeconds() / idle.drainSeconds;
        double realisticCpu = realistic.platformCpuSeconds() - idleRate * realistic.drainSeconds;
        double stressCpu = stress.platformCpuSeconds() - idleRate * stress.drainSeconds;
        double[] costs = costs(realistic, realisticCpu, stress, stressCpu);
        md.append(String.format("%nPlatform CPU above idle: realistic mix %.1f cpu-s for %d new incidents and %d joining alerts; "
                + "stress mix %.1f cpu-s for %d and %d. Solved for the two costs: **%.2f ms of CPU per new incident, %.3f ms per "
                + "alert that joins one** (all the platform's processes together, the benchmark's JVM left out).%n", realisticCpu,
                realistic.newIncidents(), realistic.joiningAlerts(), stressCpu, stress.newIncidents(), stress.joiningAlerts(),
                costs[0] * 1000, costs[1] * 1000));
        // the services' JIT compilers were still busy after the warm-up: the same without them is the warm figure
        double[] warm = costs(realistic, realisticCpu - realistic.serviceCompilerSeconds(), stress,
                stressCpu - stress.serviceCompilerSeconds());
        md.append(String.format("Without the services' JIT compiler threads (%.1f and %.1f cpu-s of it in the two mixes): **%.2f ms per "
                + "new incident, %.3f ms per joining alert**.%n", realistic.serviceCompilerSeconds(), stress.serviceCompilerSeconds(),
                warm[0] * 1000, warm[1] * 1000));
        return md.toString();
    }

    /**
     * CPU-seconds per new incident and per joining alert: each mix's CPU = its new incidents × the one + its joining
     * alerts × the other, two equations in two unknowns.
     */
    private static double[] costs(Phase a, double aCpu, Phase b, double bCpu) {
        double det = a.newIncidents() * b.joiningAlerts() - a.joiningAlerts() * b.newIncidents();
        return new double[] {(aCpu * b.joiningAlerts() - a.joiningAlerts() * bCpu) / det,
                (a.newIncidents() * bCpu - aCpu * b.newIncidents()) / det};
    }

    private static long openIncidents(String jdbc) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, PostgresServer.PASSWORD)) {
            return single(db, "select count(*) from incident where status in ('OPEN', 'ACKNOWLEDGED', 'ONSITE_REQUESTED', "
                    + "'ONSITE_IN_PROGRESS')");
        }
    }

    private static List<Double> pages(HttpClient http, java.util.function.Supplier<HttpRequest.Builder> request) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> page = http.send(request.get().build(), HttpResponse.BodyHandlers.ofString());
            times.add((System.nanoTime() - t0) / 1e6);
            if (page.statusCode() != 200) {
                throw new IllegalStateException("queue page answered " + page.statusCode() + ": " + page.body());
            }
        }
        return times.subList(PAGES / 10, PAGES); // the first tenth warms the path up
    }

    private static List<Double> deepPages(WebSession soc) throws Exception {
        List<Double> times = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < PAGES; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> page = soc.http.send(soc.request("/api/triage/incidents?active=true&limit=50"
                    + (cursor == null ? "" : "&cursor=" + cursor)).build(), HttpResponse.BodyHandlers.ofString());
            times.add((System.nanoTime() - t0) / 1e6);
            JsonNode next = BenchPlatform.JSON.readTree(page.body()).path("nextCursor");
            cursor = next.isNull() || next.isMissingNode() ? null : next.asText();
        }
        return times;
    }

    private static void row(StringBuilder md, String name, List<Double> values) {
        md.append("| ").append(name).append(" | ").append(Latencies.cells(values)).append(" |\n");
    }

    private static long single(Connection db, String sql) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}

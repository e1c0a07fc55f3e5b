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
 * Alert to screen, on this machine: sensors post alerts to the packaged ingest-service at a steady rate (every
 * third on a machine not seen before, so it opens an incident); triage correlates them; web's live feed pushes
 * the change notices over SSE to soc-1, signed in through Keycloak like a browser. Each new incident's latency is
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
            long warmUp = send(url, keys, "warm", RATE, Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 10)));
            long accepted = send(url, keys, "screen", RATE, PHASE);
            System.out.println("sent at " + RATE + "/s until " + Instant.now() + "; notices so far " + NOTICES.get());
            List<Double> latencies = latencies(jdbc, warmUp + accepted);
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
            md.append("Command: `benchmarks/run-web.sh` (").append(RATE).append(" alerts/s for ").append(PHASE.toSeconds())
                    .append(" s after a warm-up, from ").append(TENANTS).append(" SMEs' sensors; every third alert on a new machine, so ")
                    .append("it opens an incident). ingest-service, triage-service, web (each -Xmx")
                    .append(System.getProperty("otasuke.serviceHeap", "256m"))
                    .append("), Kafka, PostgreSQL and Keycloak all on this machine with the load generator and the SSE client.\n\n");
            md.append("Alert to screen = the SSE client (soc-1, signed in through Keycloak's form) reading `incident.opened` − ingest's ")
                    .append("`received_at` of the incident's first alert.\n\n");
            md.append("| measure | n | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
            row(md, "alert → screen (new incident)", latencies);
            row(md, "queue page, first 50 of the open queue, through web", throughWeb);
            row(md, "queue page, first 50, on triage directly", direct);
            row(md, "queue page, following the cursor 50 at a time, through web", deep);
            md.append(String.format("%nAlerts accepted: %d (warm-up %d). Notices the SSE client received: %d. Open incidents "
                    + "when the pages were read: %d.%n%nPeak RSS of web during the run: %d MiB.%n", accepted, warmUp,
                    NOTICES.get(), open, peak.kib() / 1024));
        }
        System.out.println(md);
        Path out = Path.of("benchmarks/results/web-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println("Written to " + out);
        System.exit(0);
    }

    /** {@code rate} alerts/s for {@code duration}; every third on a machine not seen before (a new incident). */
    private static long send(String url, List<String> keys, String phase, int rate, Duration duration) throws Exception {
        return PacedAlerts.send(url, keys, rate, duration, (sequence, count) -> {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < count; i++) {
                long n = sequence.getAndIncrement();
                String host = n % 3 == 0 ? phase + "-" + n : "pc-" + n % 40;
                b.append(i > 0 ? "," : "").append("{\"sourceRef\":\"").append(phase).append('-').append(n)
                        .append("\",\"observedAt\":\"").append(Instant.now()).append("\",\"category\":\"INTRUSION\",")
                        .append("\"severity\":\"HIGH\",\"title\":\"ET EXPLOIT attempt ").append(n % 97)
                        .append("\",\"host\":\"").append(host).append("\"}");
            }
            return b.append(']').toString();
        });
    }

    /** Waits until triage stored every alert and the notices have had time to arrive; then joins both clocks. */
    private static List<Double> latencies(String jdbc, long total) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, PostgresServer.PASSWORD)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline && single(db, "select coalesce(sum(alert_count), 0) from incident") < total) {
                Thread.sleep(200);
            }
            Thread.sleep(5_000);
            List<Double> latencies = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("""
                    select i.id, extract(epoch from min(a.received_at)) * 1000 from incident i
                    join incident_alert a on a.incident_id = i.id
                    where i.correlation_key like 'host:screen-%' group by i.id""");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Long seen = SEEN.get(r.getString(1));
                    if (seen != null) {
                        latencies.add(seen - r.getDouble(2));
                    } else {
                        latencies.add(Double.POSITIVE_INFINITY); // never seen on screen: counts as the worst
                    }
                }
            }
            return latencies;
        }
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

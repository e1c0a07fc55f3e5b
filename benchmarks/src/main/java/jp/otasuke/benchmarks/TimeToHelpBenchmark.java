package jp.otasuke.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import jp.otasuke.infra.mail.Mailbox;
import jp.otasuke.infra.postgres.PostgresServer;
import jp.otasuke.infra.story.Story;

/**
 * Time to help under steady load (issue 28): the whole platform on this machine (every service, web, a mail server),
 * background noise of {@code bench.rate} alerts/s from {@code bench.tenants} SMEs (one in a hundred on a machine not
 * seen before, so it opens an incident: the realistic mix), and {@code bench.stories} P1 stories played through it
 * meanwhile, one every {@code bench.storyEverySeconds} (infra's {@link Story}: an SME onboarded with its policy, an
 * attacker probing three of its machines, soc-1 asking for an engineer, the engineer completing the job, the claim).
 * For each story: the attack sent → on the SOC's screen (web's live feed, soc-1 signed in through Keycloak), → the
 * SME's first mail on the mail server, → the on-call operator's P1 page (soc-1's mail); the job completed → the claim
 * opened (its first audit line) → the insurer's webhook received. Writes {@code benchmarks/results/time-to-help-DATE.md};
 * run it with {@code benchmarks/run-time-to-help.sh}.
 */
public final class TimeToHelpBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 1_000);
    private static final int TENANTS = Integer.getInteger("bench.tenants", 1_000);
    private static final int STORIES = Integer.getInteger("bench.stories", 20);
    private static final Duration STORY_EVERY = Duration.ofSeconds(Long.getLong("bench.storyEverySeconds", 5));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 30));

    private record Timed(UUID tenantId, Instant sent, Instant completed, Story.Told told) {
    }

    private static final Map<String, Long> ON_SCREEN = new ConcurrentHashMap<>();
    private static final Map<String, Long> WEBHOOKS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path root = Path.of(".").toAbsolutePath().normalize();
        StringBuilder md = new StringBuilder();
        HttpServer insurer = webhookReceiver();
        try (BenchPlatform platform = new BenchPlatform()) {
            Story.Endpoints api = platform.startAll(root, Map.of("API_REQUESTS_PER_SECOND", "100000", "API_BURST", "100000"));
            List<String> keys = noiseSensors(platform);
            WebSession soc = WebSession.signIn("http://localhost:" + platform.webPort, "soc-1", "soc-1");
            LiveFeed.follow(soc, (notice, at) -> {
                if (notice.path("type").asText().equals("otasuke.incident.opened.v1")) {
                    ON_SCREEN.putIfAbsent(notice.path("incidentId").asText(), at);
                }
            });
            String intake = "http://localhost:" + platform.ingestPort + "/api/v1/alerts";
            AtomicBoolean playing = new AtomicBoolean(true);
            AtomicLong noise = new AtomicLong();
            Thread background = new Thread(() -> noise(intake, keys, playing, noise), "bench-noise");
            background.setDaemon(true); // a story that fails ends the run: nothing may keep the JVM
            background.start();
            Thread.sleep(WARM_UP.toMillis());
            long noiseBefore = noise.get();
            Instant measuredFrom = Instant.now();
            MachineCpu cpuBefore = MachineCpu.now();

            ExecutorService storytellers = Executors.newFixedThreadPool(STORIES, daemons("bench-story"));
            List<Future<Timed>> stories = new ArrayList<>();
            for (int i = 0; i < STORIES; i++) {
                String webhook = i == 0 ? "http://127.0.0.1:" + insurer.getAddress().getPort() + "/claims" : null;
                Story.Place place = place(i);
                stories.add(storytellers.submit(() -> play(api, webhook, place)));
                Thread.sleep(STORY_EVERY.toMillis());
            }
            List<Timed> timed = new ArrayList<>();
            for (Future<Timed> story : stories) {
                timed.add(story.get());
            }
            Instant measuredTo = Instant.now();
            double busy = MachineCpu.now().busySince(cpuBefore);
            playing.set(false);
            background.join();
            storytellers.shutdown();
            Thread.sleep(5_000); // the last webhooks and mails
            long noiseAlerts = noise.get() - noiseBefore;
            md.append(report(platform, timed, noiseAlerts, Duration.between(measuredFrom, measuredTo), busy));
        } finally {
            insurer.stop(0);
        }
        System.out.println(md);
        Path out = Path.of("benchmarks/results/time-to-help-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println("Written to " + out);
        System.exit(0);
    }

    /**
     * Each story somewhere of its own, a degree (~100 km) from the others, its engineer 2 km from the SME: the planner
     * sends each story's own engineer, whom the story then plays.
     */
    private static Story.Place place(int story) {
        double latitude = 31.0 + (story % 12) * 1.0;
        double longitude = 129.0 + (story / 12) * 1.5 + (story % 12) * 1.0;
        return new Story.Place("100-0001", "東京都", "千代田区千代田1-1 (benchmark " + story + ")", latitude, longitude,
                latitude + 0.018, longitude);
    }

    private static Timed play(Story.Endpoints api, String webhook, Story.Place place) {
        Instant[] sent = new Instant[1];
        Instant[] completed = new Instant[1];
        UUID[] tenant = new UUID[1];
        Story.Told told = new Story(api, line -> { }, place).timedBy((what, at, tenantId) -> {
            tenant[0] = tenantId;
            switch (what) {
                case "alertsSent" -> sent[0] = at;
                case "jobCompleted" -> completed[0] = at;
                default -> { }
            }
        }).play(webhook);
        return new Timed(tenant[0], sent[0], completed[0], told);
    }

    /** Threads that never keep the JVM alive: a story that fails ends the run. */
    private static java.util.concurrent.ThreadFactory daemons(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The noise's SMEs, onboarded eight at a time (each is a Keycloak user and a sensor). */
    private static List<String> noiseSensors(BenchPlatform platform) throws Exception {
        ExecutorService onboarding = Executors.newFixedThreadPool(8);
        String admin = jp.otasuke.infra.testing.Tokens.forUser(platform.keycloak.realmUrl(), "ops-admin");
        List<Future<String>> keys = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            keys.add(onboarding.submit(() -> platform.sensorKey(null, admin)));
        }
        List<String> done = new ArrayList<>();
        for (Future<String> key : keys) {
            done.add(key.get());
        }
        onboarding.shutdown();
        System.out.println(TENANTS + " SMEs onboarded for the noise");
        return done;
    }

    /** The realistic mix: one alert in a hundred on a machine not seen before; the rest on each SME's usual one. */
    private static void noise(String url, List<String> keys, AtomicBoolean playing, AtomicLong accepted) {
        ExecutorService senders = Executors.newFixedThreadPool(8, daemons("bench-noise-sender"));
        java.net.http.HttpClient http = PacedAlerts.client(senders);
        try {
            while (playing.get()) {
                accepted.addAndGet(PacedAlerts.send(http, url, keys, RATE, Duration.ofSeconds(10), (sequence, count) -> {
                    StringBuilder b = new StringBuilder("[");
                    for (int i = 0; i < count; i++) {
                        long n = sequence.getAndIncrement();
                        String host = n % 100 == 0 ? "noise-" + UUID.randomUUID() : "pc-1";
                        b.append(i > 0 ? "," : "").append("{\"sourceRef\":\"noise-").append(UUID.randomUUID())
                                .append("\",\"observedAt\":\"").append(Instant.now()).append("\",\"category\":\"POLICY\",")
                                .append("\"severity\":\"LOW\",\"title\":\"ET POLICY outbound connection ").append(n % 97)
                                .append("\",\"host\":\"").append(host).append("\"}");
                    }
                    return b.append(']').toString();
                }));
            }
        } catch (Exception e) {
            throw new IllegalStateException("the noise stopped", e);
        }
    }

    /** The insurer's system: when each claim's opening reached it. */
    private static HttpServer webhookReceiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/claims", exchange -> {
            long now = System.currentTimeMillis();
            JsonNode body = BenchPlatform.JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (body.path("type").asText().equals("otasuke.claim.opened.v1")) {
                WEBHOOKS.putIfAbsent(body.path("claim").path("id").asText(), now);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String report(BenchPlatform platform, List<Timed> timed, long noiseAlerts, Duration measured, double busy)
            throws Exception {
        List<Double> screen = new ArrayList<>();
        List<Double> smeMail = new ArrayList<>();
        List<Double> onCallPage = new ArrayList<>();
        List<Double> claimOpened = new ArrayList<>();
        List<Double> webhook = new ArrayList<>();
        List<Mailbox.Mail> onCall = new Mailbox(platform.mail.imapPort(), "soc-1@otasuke.example").read();
        try (Connection insurance = DriverManager.getConnection(platform.postgres.jdbcUrl("insurance"), PostgresServer.USER,
                PostgresServer.PASSWORD)) {
            for (Timed story : timed) {
                long sent = story.sent().toEpochMilli();
                Long seen = ON_SCREEN.get(story.told().incidentId().toString());
                screen.add(seen == null ? Double.POSITIVE_INFINITY : seen - (double) sent);
                smeMail.add(firstMail(new Mailbox(platform.mail.imapPort(), story.told().smeContactEmail()).read(), sent, ""));
                onCallPage.add(firstMail(onCall, sent, "：" + story.told().smeName()));
                long completed = story.completed().toEpochMilli();
                claimOpened.add(firstAudit(insurance, story.told().claimId()) - (double) completed);
                Long received = WEBHOOKS.get(story.told().claimId().toString());
                webhook.add(received == null ? Double.POSITIVE_INFINITY : received - (double) completed);
            }
        }
        StringBuilder md = new StringBuilder("# Time to help under steady load — " + LocalDate.now() + "\n\n");
        md.append("Machine: ").append(BenchPlatform.machine()).append("\n\n");
        md.append(String.format("Command: `benchmarks/run-time-to-help.sh` (%d P1 stories, one every %d s, while %d SMEs' sensors "
                + "send %,d alerts/s, one in a hundred opening an incident; %d s of noise first). Every service, web, Kafka, "
                + "PostgreSQL, Keycloak, the mail server, the load generator and the story players on this machine.%n%n",
                STORIES, STORY_EVERY.toSeconds(), TENANTS, RATE, WARM_UP.toSeconds()));
        md.append(String.format("Noise accepted while the stories played: %,d alerts in %d s (%,.0f/s). The machine's CPU was %.0f%% "
                + "busy meanwhile (all processes, the load generator's and the story players' included)%s.%n%n", noiseAlerts,
                measured.toSeconds(), noiseAlerts / (double) Math.max(1, measured.toSeconds()), busy,
                busy >= 95 ? ": saturated, so these are the figures of a machine with no room left" : ""));
        md.append("| from → to | n | p50 ms | p99 ms | max ms | goal |\n|---|---|---|---|---|---|\n");
        row(md, "attack sent → on the SOC's screen (soc-1's live feed)", screen, "p99 < 1 s");
        row(md, "attack sent → the SME's first mail on the mail server (to the second)", smeMail, "p99 < 30 s");
        row(md, "attack sent → the on-call operator's P1 page (soc-1's mail, to the second)", onCallPage, "");
        row(md, "job completed → claim opened (its first audit line)", claimOpened, "p99 < 5 s");
        row(md, "job completed → the insurer's webhook received the opening", webhook, "");
        return md.toString();
    }

    /** Milliseconds from {@code sent} to the first mail after it whose subject ends as asked (mail times are whole seconds). */
    private static double firstMail(List<Mailbox.Mail> mails, long sent, String subjectEnd) {
        return mails.stream().filter(m -> m.received() != null && m.subject() != null && m.subject().endsWith(subjectEnd)
                && m.received().toEpochMilli() >= sent - 999).mapToDouble(m -> m.received().toEpochMilli() - (double) sent)
                .min().orElse(Double.POSITIVE_INFINITY);
    }

    private static double firstAudit(Connection insurance, UUID claimId) throws Exception {
        try (PreparedStatement s = insurance.prepareStatement("select extract(epoch from min(at)) * 1000 from claim_audit where claim_id = ?")) {
            s.setObject(1, claimId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                double at = r.getDouble(1);
                return r.wasNull() ? Double.POSITIVE_INFINITY : at;
            }
        }
    }

    private static void row(StringBuilder md, String name, List<Double> values, String goal) {
        md.append("| ").append(name).append(" | ").append(Latencies.cells(values)).append(" | ").append(goal).append(" |\n");
    }
}

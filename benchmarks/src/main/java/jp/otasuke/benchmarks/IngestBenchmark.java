package jp.otasuke.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Sustained alert intake of ingest-service on this machine, next to the machine's own ceiling measured in
 * the same run: Kafka's ProducerPerformance on the same broker with the same record size and producer
 * settings (acks=all, idempotent, linger 5 ms, 64 KiB batches, lz4). Writes
 * {@code benchmarks/results/ingest-DATE.md}. Run it with {@code benchmarks/run-ingest.sh}.
 */
public final class IngestBenchmark {

    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 30));
    private static final int HTTP_CLIENTS = Integer.getInteger("bench.httpClients", 4);
    private static final int BATCH = Integer.getInteger("bench.batch", 500);
    private static final int SYSLOG_CONNECTIONS = Integer.getInteger("bench.syslogConnections", 4);
    private static final String ALERTS = "otasuke.alerts.v1";

    /** Numbers every alert of the run: a number used twice would be the same alert, a duplicate. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** One measured path; {@code format} is what ingest writes in its records, to find them on the topic. */
    private record Phase(String name, String format, long alerts, double seconds, double perSecond, double p50Ms,
            double p99Ms) {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path root = Path.of(".").toAbsolutePath().normalize();
        List<Phase> phases = new ArrayList<>();
        long maxRss;
        String ceiling;
        Map<String, String> ceilingSame = new java.util.LinkedHashMap<>();
        Map<String, Double> recordBytes = new java.util.LinkedHashMap<>();
        try (BenchPlatform platform = new BenchPlatform()) {
            platform.startIngest(root);
            String key = platform.sensorKey();
            RssSampler rss = new RssSampler(platform);
            rss.start();
            String url = "http://localhost:" + platform.ingestPort + "/api/v1/alerts";
            // JIT and pools first, not reported: a service that has been running a while is what the phases measure.
            // 30 s per path: after 15 s ingest's compiler threads still took a quarter of a core through the measured
            // phases (24-34%, per-thread CPU in run15-16), after 30 s 7% (run17)
            Duration warmUp = WARM_UP;
            http(platform, "warm-up", "canonical", url, key, "application/json", IngestBenchmark::canonicalBatch, warmUp);
            http(platform, "warm-up", "suricata-eve", url + "?format=suricata-eve", key, "application/x-ndjson",
                    IngestBenchmark::suricataBatch, warmUp);
            syslog(platform, warmUp);

            // B, a ceiling per path from ingest's own records of it (the warm-ups wrote them), measured right after
            // that path's phase: this machine's speed moved between runs and within one (B of the same records:
            // 63,532/s in one run, 125,834/s in another), so a path is compared with the machine as it was then
            String bootstrap = platform.kafka.bootstrapServers();
            Map<String, List<byte[]>> written = recordsWritten(bootstrap,
                    List.of("canonical", "suricata-eve", "fortigate"));
            written.forEach((format, records) -> recordBytes.put(format,
                    records.stream().mapToInt(r -> r.length).average().orElse(1024)));
            phases.add(http(platform, "HTTP canonical JSON (arrays of " + BATCH + ")", "canonical", url, key,
                    "application/json", IngestBenchmark::canonicalBatch, PHASE));
            ceilingSame.put("canonical", ceilingOf(platform, "canonical", written));
            phases.add(http(platform, "HTTP NDJSON Suricata EVE (" + BATCH + " lines)", "suricata-eve",
                    url + "?format=suricata-eve", key, "application/x-ndjson", IngestBenchmark::suricataBatch, PHASE));
            ceilingSame.put("suricata-eve", ceilingOf(platform, "suricata-eve", written));
            phases.add(syslog(platform, PHASE));
            ceilingSame.put("fortigate", ceilingOf(platform, "fortigate", written));
            rss.stopSampling();
            maxRss = rss.max;

            // A as in every run so far: random records the size of the canonical alert record
            ceiling = producerPerformance(bootstrap, "bench-raw",
                    List.of("--record-size", Long.toString(Math.round(recordBytes.get("canonical")))));
        }
        report(phases, ceiling, ceilingSame, recordBytes, maxRss);
    }

    /** B for one path: ProducerPerformance sending that path's records as ingest wrote them. */
    private static String ceilingOf(BenchPlatform platform, String format, Map<String, List<byte[]>> written) throws Exception {
        return producerPerformance(platform.kafka.bootstrapServers(), "bench-raw-" + format,
                List.of("--payload-file", payloadFile(platform.dir, format, written.get(format)).toString()));
    }

    /** HTTP_CLIENTS threads post batches for PHASE; alerts/s counts what was answered 202 and accepted. */
    private static Phase http(BenchPlatform platform, String name, String format, String url, String key, String contentType,
            LongFunction<String> batchOf, Duration duration) throws Exception {
        long before = endOffsets(platform.kafka.bootstrapServers());
        java.time.LocalTime began = java.time.LocalTime.now(); // printed with the phase: to match it with a CPU profile
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong accepted = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(HTTP_CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < HTTP_CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String body = batchOf.apply(SEQUENCE.getAndAdd(BATCH));
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                            .header("X-Sensor-Key", key).header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t0);
                    if (r.statusCode() != 202) {
                        throw new IllegalStateException("intake answered " + r.statusCode() + ": " + r.body());
                    }
                    accepted.addAndGet(BenchPlatform.JSON.readTree(r.body()).get("accepted").asLong());
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long onKafka = endOffsets(platform.kafka.bootstrapServers()) - before;
        if (onKafka < accepted.get()) {
            throw new IllegalStateException("only " + onKafka + " of " + accepted.get() + " accepted alerts are on Kafka");
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%s %s: %d alerts, %s to %s%n", name, format, accepted.get(), began, java.time.LocalTime.now());
        return new Phase(name, format, accepted.get(), seconds, accepted.get() / seconds, percentile(sorted, 50), percentile(sorted, 99));
    }

    /** SYSLOG_CONNECTIONS TCP senders write FortiGate lines for PHASE; counted on Kafka until it stops growing. */
    private static Phase syslog(BenchPlatform platform, Duration duration) throws Exception {
        String bootstrap = platform.kafka.bootstrapServers();
        long before = endOffsets(bootstrap);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(SYSLOG_CONNECTIONS);
        List<Future<Long>> senders = new ArrayList<>();
        for (int c = 0; c < SYSLOG_CONNECTIONS; c++) {
            senders.add(pool.submit(() -> {
                long sent = 0;
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), platform.syslogPort)) {
                    OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                    while (System.nanoTime() < end) {
                        StringBuilder chunk = new StringBuilder();
                        for (int i = 0; i < 100; i++) {
                            chunk.append("<185>").append(fortigate(SEQUENCE.getAndIncrement())).append('\n');
                        }
                        out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                        sent += 100;
                    }
                    out.flush();
                }
                return sent;
            }));
        }
        long sent = 0;
        for (Future<Long> f : senders) {
            sent += f.get();
        }
        pool.shutdown();
        // count until Kafka has them all (back-pressure may hold the last ones in the socket buffers)
        long last = before;
        long lastGrowth = System.nanoTime();
        while (System.nanoTime() - lastGrowth < Duration.ofSeconds(3).toNanos()) {
            long now = endOffsets(bootstrap);
            if (now != last) {
                last = now;
                lastGrowth = System.nanoTime();
            }
            Thread.sleep(200);
        }
        long onKafka = last - before;
        double seconds = (lastGrowth - start) / 1e9;
        System.out.printf("syslog: %d lines sent, %d alerts on Kafka%n", sent, onKafka);
        return new Phase("Syslog TCP FortiGate lines (" + SYSLOG_CONNECTIONS + " connections)", "fortigate", onKafka, seconds,
                onKafka / seconds, Double.NaN, Double.NaN);
    }

    private static String canonicalBatch(long first) {
        String now = Instant.now().toString(); // a sensor's batch is read at one moment
        StringBuilder b = new StringBuilder("[");
        for (long n = first; n < first + BATCH; n++) {
            if (n > first) {
                b.append(',');
            }
            b.append("{\"sourceRef\":\"bench-").append(n).append("\",\"observedAt\":\"").append(now)
                    .append("\",\"category\":\"INTRUSION\",\"severity\":\"HIGH\",\"title\":\"ET EXPLOIT Apache HTTP Server ")
                    .append("2.4.49 - Path Traversal Attempt (CVE-2021-41773) M2\",\"host\":\"PC-").append(n % 50)
                    .append("\",\"srcIp\":\"203.0.113.").append(n % 250).append("\",\"dstIp\":\"192.168.1.10\",")
                    .append("\"signature\":\"2034125\",\"details\":{\"proto\":\"TCP\",\"destPort\":\"80\"}}");
        }
        return b.append(']').toString();
    }

    private static String suricataBatch(long first) {
        StringBuilder b = new StringBuilder();
        for (long n = first; n < first + BATCH; n++) {
            b.append("{\"timestamp\":\"2022-07-12T06:22:33.415742+0000\",\"flow_id\":").append(1398609176796675L + n)
                    .append(",\"in_iface\":\"eth0\",\"event_type\":\"alert\",\"src_ip\":\"1.2.3.").append(n % 250)
                    .append("\",\"src_port\":33270,\"dest_ip\":\"1.2.3.5\",\"dest_port\":80,\"proto\":\"TCP\",\"tx_id\":0,")
                    .append("\"alert\":{\"action\":\"allowed\",\"gid\":1,\"signature_id\":2034125,\"rev\":4,\"signature\":")
                    .append("\"ET EXPLOIT Apache HTTP Server 2.4.49 - Path Traversal Attempt (CVE-2021-41773) M2\",")
                    .append("\"category\":\"Attempted Administrator Privilege Gain\",\"severity\":1},")
                    .append("\"http\":{\"hostname\":\"34.245.178.108\",\"url\":\"/cgi-bin/.%2e/.%2e/.%2e/.%2e/bin/sh\",")
                    .append("\"http_method\":\"POST\",\"protocol\":\"HTTP/1.1\",\"status\":400,\"length\":166},")
                    .append("\"app_proto\":\"http\",\"flow\":{\"pkts_toserver\":4,\"pkts_toclient\":4,\"bytes_toserver\":")
                    .append("457,\"bytes_toclient\":500,\"start\":\"2022-07-12T06:22:33.350880+0000\"}}\n");
        }
        return b.toString();
    }

    private static String fortigate(long n) {
        return "date=2024-10-14 time=13:46:40 eventtime=" + (1728938800841267391L + n) + " tz=\"+0900\" logid=\"0101039426\" "
                + "type=\"event\" subtype=\"vpn\" level=\"alert\" vd=\"root\" logdesc=\"SSL VPN login fail\" "
                + "action=\"ssl-login-fail\" tunneltype=\"ssl-web\" remip=203.0.113." + (n % 250) + " user=\"admin\" "
                + "reason=\"sslvpn_login_unknown_user\" msg=\"SSL user failed to logged in\"";
    }

    /** The sum of the alerts topic's end offsets (retried while a just-created topic elects its leaders). */
    private static long endOffsets(String bootstrap) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return endOffsetsOnce(bootstrap);
            } catch (java.util.concurrent.ExecutionException e) {
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static long endOffsetsOnce(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var partitions = admin.describeTopics(List.of(ALERTS)).allTopicNames().get().get(ALERTS).partitions();
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            partitions.forEach(p -> request.put(new TopicPartition(ALERTS, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    /**
     * A sample of the alert records ingest wrote for each format (their values, 6,000 each), for ProducerPerformance
     * runs sending the same bytes: the topic is read from the start until every format has its sample.
     */
    private static Map<String, List<byte[]>> recordsWritten(String bootstrap, List<String> formats) {
        Map<String, List<byte[]>> samples = new java.util.LinkedHashMap<>();
        formats.forEach(format -> samples.put(format, new ArrayList<>()));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "bench-size", "auto.offset.reset", "earliest", "max.poll.records", 5000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(ALERTS));
            long deadline = System.currentTimeMillis() + 120_000;
            while (samples.values().stream().anyMatch(s -> s.size() < 6000) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String value = new String(r.value(), StandardCharsets.UTF_8);
                    for (String format : formats) {
                        List<byte[]> sample = samples.get(format);
                        if (sample.size() < 6000 && value.contains("\"format\":\"" + format + "\"")) {
                            sample.add(r.value());
                        }
                    }
                }
            }
            return samples;
        }
    }

    /** The records one per line (JSON values hold no raw newline), as ProducerPerformance's --payload-file. */
    private static Path payloadFile(Path dir, String format, List<byte[]> records) throws java.io.IOException {
        Path file = dir.resolve("alert-payloads-" + format + ".ndjson");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] record : records) {
                out.write(record);
                out.write('\n');
            }
        }
        return file;
    }

    /** Kafka's ProducerPerformance in its own JVM, on the same broker, with ingest's producer settings. */
    private static String producerPerformance(String bootstrap, String topic, List<String> payload) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Long.toString(Long.getLong("bench.rawRecords", 1_000_000)),
                "--throughput", "-1"));
        command.addAll(payload);
        command.addAll(List.of("--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true",
                "linger.ms=5", "batch.size=65536", "compression.type=lz4"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = "";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("records sent")) {
                    last = line;
                }
            }
        }
        p.waitFor();
        System.out.println(topic + ": " + last);
        return last;
    }

    private static double percentile(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    private static void report(List<Phase> phases, String ceiling, Map<String, String> ceilingSame,
            Map<String, Double> recordBytes, long maxRssKiB) throws Exception {
        double raw = rate(ceiling);
        StringBuilder md = new StringBuilder();
        md.append("# ingest-service intake benchmark, ").append(LocalDate.now()).append("\n\n");
        md.append("Machine: ").append(BenchPlatform.machine()).append("\n\n");
        md.append("Command: `benchmarks/run-ingest.sh` (phases of ").append(PHASE.toSeconds())
                .append(" s after a warm-up of ").append(WARM_UP.toSeconds()).append(" s per path; ")
                .append(HTTP_CLIENTS).append(" HTTP clients; ").append(SYSLOG_CONNECTIONS)
                .append(" syslog connections). Kafka, PostgreSQL, Keycloak and ingest-service (-Xmx" + System.getProperty("otasuke.serviceHeap", "256m") + ") all on this machine.\n\n");
        md.append("Ceilings, same broker, same run, Kafka ProducerPerformance with ingest's producer settings (acks=all, ")
                .append("idempotent, linger 5 ms, 64 KiB batches, lz4):\n\n");
        md.append("- A: random records of ").append(Math.round(recordBytes.get("canonical")))
                .append(" B (the average canonical alert record):\n\n    ").append(ceiling).append("\n\n");
        md.append("- B: each path's own records as ingest wrote them (6,000 of them, `--payload-file`), which lz4 compresses")
                .append(" as it does ingest's, measured right after that path's phase:\n\n");
        ceilingSame.forEach((format, line) -> md.append("    ").append(format).append(" (")
                .append(Math.round(recordBytes.get(format))).append(" B average): ").append(line).append("\n"));
        md.append("\n| path | alerts | seconds | alerts/s | % of A | % of B (its records) | request p50 ms | request p99 ms |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            md.append(String.format("| %s | %d | %.1f | %.0f | %.0f%% | %.0f%% | %s | %s |%n", p.name(), p.alerts(), p.seconds(),
                    p.perSecond(), 100 * p.perSecond() / raw, 100 * p.perSecond() / rate(ceilingSame.get(p.format())),
                    Double.isNaN(p.p50Ms()) ? "–" : String.format("%.1f", p.p50Ms()),
                    Double.isNaN(p.p99Ms()) ? "–" : String.format("%.1f", p.p99Ms())));
        }
        md.append(String.format("%nPeak RSS of ingest-service during the run: %d MiB.%n", maxRssKiB / 1024));
        System.out.println(md);
        Path out = Path.of("benchmarks/results/ingest-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println("Written to " + out);
    }

    private static double rate(String producerPerformanceLine) {
        return Double.parseDouble(producerPerformanceLine.replaceAll(".*records sent, ([0-9.]+) records/sec.*", "$1"));
    }

    /** Samples the service's RSS while the phases run. */
    private static final class RssSampler extends Thread {
        private final BenchPlatform platform;
        private volatile boolean running = true;
        volatile long max;

        RssSampler(BenchPlatform platform) {
            this.platform = platform;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                max = Math.max(max, platform.ingestRssKiB());
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }
    }
}

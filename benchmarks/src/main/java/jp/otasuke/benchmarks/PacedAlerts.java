package jp.otasuke.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sensors posting alerts to ingest at a steady rate: in ticks of 100 ms, each tick's alerts spread over the
 * sensors' keys, each request a batch the benchmark writes (its own alert shapes).
 */
final class PacedAlerts {

    /** The JSON array of {@code count} alerts; {@code sequence} numbers the alerts of the phase. */
    interface Batch {
        String of(AtomicLong sequence, int count);
    }

    private PacedAlerts() {
    }

    /** Sends {@code rate} alerts/s for {@code duration}; returns how many ingest accepted. */
    static long send(String url, List<String> keys, int rate, Duration duration, Batch batch) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            return send(client(senders), url, keys, rate, duration, batch);
        } finally {
            senders.shutdown(); // its threads would keep the JVM alive after the run
        }
    }

    /** An HTTP/1.1 client whose answers are handled on {@code senders}. */
    static HttpClient client(ExecutorService senders) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(senders).build();
    }

    /**
     * The same on a client the caller keeps for the whole run: a client per call keeps its connections open until it is
     * collected, and a run that called every 10 s for minutes ran the JVM (which hosts the broker) out of file descriptors.
     */
    static long send(HttpClient http, String url, List<String> keys, int rate, Duration duration, Batch batch) throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        int perTick = rate / 10;
        long start = System.nanoTime();
        long ticks = duration.toMillis() / 100;
        for (long tick = 0; tick < ticks; tick++) {
            long wait = start + tick * 100_000_000L - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            for (int i = 0; i < keys.size(); i++) {
                int count = perTick / keys.size() + (i < perTick % keys.size() ? 1 : 0);
                if (count > 0) {
                    // more sensors than alerts in a tick: each tick's go to the next ones, so every sensor sends
                    String key = keys.get((int) ((i + tick * (perTick % keys.size())) % keys.size()));
                    inFlight.add(post(http, url, key, batch.of(sequence, count), accepted));
                }
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return accepted.get();
    }

    /** One batch; counts what ingest accepted, and fails on anything but 202. */
    static CompletableFuture<?> post(HttpClient http, String url, String key, String body, AtomicLong accepted) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("X-Sensor-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
            if (r.statusCode() != 202) {
                throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
            }
            try {
                accepted.addAndGet(BenchPlatform.JSON.readTree(r.body()).get("accepted").asLong());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

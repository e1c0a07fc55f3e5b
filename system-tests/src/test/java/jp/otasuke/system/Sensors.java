package jp.otasuke.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.Tokens;

/**
 * An SME onboarded through the API with one HTTP sensor, and a sensor that keeps sending: one canonical alert
 * per tick, each with its own sourceRef, cycling over a few hosts, counting what ingest accepted (202) and what
 * it refused (anything else — a real sensor retries those; these tests count them as not sent).
 */
final class Sensors {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final UUID tenantId;
    final String name;
    final String key;
    /** Where the SME's notices are mailed. */
    final String contactEmail;
    private final String ingest;

    private Sensors(UUID tenantId, String name, String key, String contactEmail, String ingest) {
        this.tenantId = tenantId;
        this.name = name;
        this.key = key;
        this.contactEmail = contactEmail;
        this.ingest = ingest;
    }

    static Sensors onboard(String ingest) throws Exception {
        return onboard(ingest, null);
    }

    /** The same with a sensor that is expected to speak every {@code expectedEverySeconds} (null: its kind's default). */
    static Sensors onboard(String ingest, Integer expectedEverySeconds) throws Exception {
        String admin = Tokens.forUser(TestServers.keycloak().realmUrl(), "ops-admin");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Fault SME " + unique;
        JsonNode tenant = post(ingest + "/api/v1/tenants", admin, Map.of("name", name,
                "contactEmail", "it-" + unique + "@example.jp",
                "site", Map.of("postalCode", "100-0001", "prefecture", "東京都", "address", "千代田区千代田1-1",
                        "latitude", 35.6852, "longitude", 139.7528),
                "plan", Map.of("type", "NETWORK", "endpointCount", 0, "monthlyFeeYen", 9_800),
                "admin", Map.of("email", "owner-" + unique + "@example.jp", "name", "Owner", "initialPassword", "Fault-SME-2026")));
        UUID tenantId = UUID.fromString(tenant.get("id").asText());
        Map<String, Object> registration = new java.util.HashMap<>(Map.of("kind", "NETWORK", "name", "ids"));
        if (expectedEverySeconds != null) {
            registration.put("expectedEverySeconds", expectedEverySeconds);
        }
        JsonNode sensor = post(ingest + "/api/v1/tenants/" + tenantId + "/sensors", admin, registration);
        return new Sensors(tenantId, name, sensor.get("apiKey").asText(), "it-" + unique + "@example.jp", ingest);
    }

    /** The same sensor, posting to another ingest instance. */
    Sensors through(String otherIngest) {
        return new Sensors(tenantId, name, key, contactEmail, otherIngest);
    }

    /** Sends one alert; true when ingest accepted it. */
    boolean send(String sourceRef, String category, String severity, String host) throws Exception {
        return send(sourceRef, category, severity, host, "Policy violation");
    }

    /** The same, with the title a new incident takes from it. */
    boolean send(String sourceRef, String category, String severity, String host, String title) throws Exception {
        String body = "{\"sourceRef\":\"" + sourceRef + "\",\"observedAt\":\"" + Instant.now() + "\",\"category\":\""
                + category + "\",\"severity\":\"" + severity + "\",\"title\":\"" + title + "\",\"host\":\"" + host + "\"}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ingest + "/api/v1/alerts"))
                .header("X-Sensor-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 202;
    }

    /** Keeps sending until stopped. */
    final class Stream extends Thread {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        private final String prefix;
        private final long everyMillis;
        private volatile boolean running = true;
        private long n;

        Stream(String prefix, long everyMillis) {
            this.prefix = prefix;
            this.everyMillis = everyMillis;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                String body = "{\"sourceRef\":\"" + prefix + "-" + (n++) + "\",\"observedAt\":\"" + Instant.now()
                        + "\",\"category\":\"MALWARE\",\"severity\":\"MEDIUM\",\"title\":\"Trojan beacon\",\"host\":\"pc-"
                        + (n % 5) + "\"}";
                try {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ingest + "/api/v1/alerts"))
                            .header("X-Sensor-Key", key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 202) {
                        accepted.addAndGet(JSON.readTree(r.body()).get("accepted").asLong());
                    } else {
                        refused.incrementAndGet();
                    }
                } catch (IOException e) {
                    refused.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long sent() {
            return n;
        }

        void finish() throws InterruptedException {
            running = false;
            join(30_000);
        }
    }

    Stream stream(String prefix, long everyMillis) {
        return new Stream(prefix, everyMillis);
    }

    static JsonNode post(String url, String token, Object body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}

package jp.otasuke.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.Tokens;

/** POST /alerts against real Kafka, PostgreSQL and Keycloak. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class AlertIntakeTest {

    static final String MALWARE = "{\"sourceRef\":\"edr-%s\",\"observedAt\":\"2026-11-25T09:15:00+09:00\","
            + "\"category\":\"MALWARE\",\"severity\":\"HIGH\",\"title\":\"Emotet loader blocked\",\"host\":\"PC-01\","
            + "\"details\":{\"file\":\"invoice.xlsm\"}}";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    SensorFixture sensor;

    @BeforeEach
    void newSensor() {
        sensor = SensorFixture.create(realm, "ENDPOINT", null);
    }

    @Test
    void aCanonicalAlertIsAcceptedOnlyOnceKafkaHasIt() throws Exception {
        String ref = UUID.randomUUID().toString();
        given().header("X-Sensor-Key", sensor.apiKey()).contentType(ContentType.JSON).body(MALWARE.formatted(ref))
                .when().post("/api/v1/alerts")
                .then().statusCode(202).body("accepted", equalTo(1)).body("duplicates", equalTo(0));

        AlertReceived alert = published(sensor.tenantId(), 1).get(0);
        assertEquals("Emotet loader blocked", alert.title());
        assertEquals(java.time.Instant.parse("2026-11-25T00:15:00Z"), alert.observedAt());
        assertEquals(UUID.fromString(sensor.sensorId()), alert.sensorId());
        assertEquals(AlertIds.of(alert.sensorId(), "edr-" + ref, null), alert.alertId());
    }

    @Test
    void anAlertIsPublishedInTheTraceOfTheSensorsRequest() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String sensorSpan = "00f067aa0ba902b7";
        given().header("X-Sensor-Key", sensor.apiKey()).header("traceparent", "00-" + trace + "-" + sensorSpan + "-00")
                .contentType(ContentType.JSON).body(MALWARE.formatted(UUID.randomUUID()))
                .when().post("/api/v1/alerts")
                .then().statusCode(202);

        var header = AlertsTopic.records(bootstrap, sensor.tenantId(), 1).get(0).headers().lastHeader("traceparent");
        String[] published = new String(header.value(), java.nio.charset.StandardCharsets.UTF_8).split("-");
        assertEquals(trace, published[1], "the sensor's trace goes on to triage with the alert");
        assertTrue(!sensorSpan.equals(published[2]), "under ingest's own span for the request");
    }

    @Test
    void anAlertWithANulByteIsAcceptedWithTheNulWrittenOutSoTriageCanStoreIt() {
        // PostgreSQL refuses NUL in text: sent on as it came, this alert was 202'd and then dead-lettered by triage
        String body = MALWARE.formatted(UUID.randomUUID()).replace("Emotet loader", "Emotet\\u0000loader")
                .replace("PC-01", "PC\\u0000-01");
        given().header("X-Sensor-Key", sensor.apiKey()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/alerts")
                .then().statusCode(202).body("accepted", equalTo(1));

        AlertReceived alert = published(sensor.tenantId(), 1).get(0);
        assertEquals("Emotet\\u0000loader blocked", alert.title());
        assertEquals("PC\\u0000-01", alert.host());
        assertEquals(-1, alert.raw().indexOf('\0'));
    }

    @Test
    void theSameAlertSentTwiceIsOneAlert() {
        String body = "[" + MALWARE.formatted("same") + "," + MALWARE.formatted("same") + "]";
        given().header("X-Sensor-Key", sensor.apiKey()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/alerts")
                .then().statusCode(202).body("accepted", equalTo(1)).body("duplicates", equalTo(1));
        given().header("X-Sensor-Key", sensor.apiKey()).contentType(ContentType.JSON).body(MALWARE.formatted("same"))
                .when().post("/api/v1/alerts")
                .then().statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
    }

    @Test
    void suricataLinesAreParsedCountedAndBrokenLinesReported() {
        given().header("X-Sensor-Key", sensor.apiKey()).contentType("application/x-ndjson")
                .body(sample("suricata_eve/surevego_eve_broken_lines.jsonl"))
                .when().post("/api/v1/alerts?format=suricata-eve")
                .then().statusCode(202).body("accepted", equalTo(0)).body("skipped", equalTo(1))
                .body("rejected.line", equalTo(List.of(1, 3, 4, 7)));
        given().header("X-Sensor-Key", sensor.apiKey()).contentType("application/x-ndjson")
                .body(sample("suricata_eve/crowdsec_suricata-eve-detect.jsonl"))
                .when().post("/api/v1/alerts")
                .then().statusCode(202).body("accepted", equalTo(3)).body("skipped", equalTo(0));
    }

    @Test
    void aBodySentInChunksWithoutALengthIsReadWholeAndItsSizeStillChecked() throws Exception {
        HttpResponse<String> taken = postInChunks(sample("suricata_eve/crowdsec_suricata-eve-detect.jsonl"));
        assertEquals(202, taken.statusCode(), taken.body());
        assertTrue(taken.body().contains("\"accepted\":3"), taken.body());

        byte[] big = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'x');
        HttpResponse<String> refused = postInChunks(big);
        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    /** Posts Suricata lines as a stream of unknown length: HTTP/1.1 sends it in chunks, with no Content-Length. */
    private HttpResponse<String> postInChunks(byte[] body) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/alerts?format=suricata-eve"))
                        .header("X-Sensor-Key", sensor.apiKey()).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void invalidCanonicalAlertsAreRejectedOneByOneAndTheRestAccepted() {
        String body = "[" + MALWARE.formatted(UUID.randomUUID()) + ",{\"title\":\"no time\"}]";
        given().header("X-Sensor-Key", sensor.apiKey()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/alerts")
                .then().statusCode(202).body("accepted", equalTo(1))
                .body("rejected[0].line", equalTo(2))
                .body("rejected[0].reason", containsString("observedAt"));
    }

    @Test
    void withoutAKeyOrWithAnUnknownKeyTheSensorIsUnauthorized() {
        given().contentType(ContentType.JSON).body(MALWARE.formatted("x"))
                .when().post("/api/v1/alerts").then().statusCode(401).contentType("application/problem+json");
        given().header("X-Sensor-Key", "osk_not-a-key").contentType(ContentType.JSON).body(MALWARE.formatted("x"))
                .when().post("/api/v1/alerts").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        given().header("X-Sensor-Key", sensor.apiKey()).contentType(ContentType.JSON).body(MALWARE.formatted(UUID.randomUUID()))
                .when().post("/api/v1/alerts").then().statusCode(202);
        given().auth().oauth2(Tokens.forUser(realm, "ops-admin"))
                .when().delete("/api/v1/tenants/" + sensor.tenantId() + "/sensors/" + sensor.sensorId())
                .then().statusCode(204);
        given().header("X-Sensor-Key", sensor.apiKey()).contentType(ContentType.JSON).body(MALWARE.formatted(UUID.randomUUID()))
                .when().post("/api/v1/alerts").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(realm, "ops-admin"))
                .when().get("/api/v1/tenants/" + sensor.tenantId() + "/sensors")
                .then().statusCode(200).body("items[0].revokedAt", org.hamcrest.Matchers.notNullValue())
                .body("items[0].apiKey", equalTo(null)).body("items[0].keyPrefix", startsWith("osk_"));
    }

    @Test
    void aBodyOverFiveMebibytesIsTooLarge() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'x');
        given().header("X-Sensor-Key", sensor.apiKey()).contentType("text/plain").body(big)
                .when().post("/api/v1/alerts")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void badInputIsAClearProblem() {
        given().header("X-Sensor-Key", sensor.apiKey()).contentType("application/xml").body("<alert/>")
                .when().post("/api/v1/alerts").then().statusCode(415).contentType("application/problem+json");
        given().header("X-Sensor-Key", sensor.apiKey()).contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/v1/alerts").then().statusCode(400).contentType("application/problem+json");
        given().header("X-Sensor-Key", sensor.apiKey()).contentType("text/plain").body("x")
                .when().post("/api/v1/alerts?format=snort")
                .then().statusCode(400).body("detail", containsString("suricata-eve"));
    }

    @Test
    void aSensorSendingTooFastIsToldToWait() {
        io.restassured.response.Response limited = null;
        for (int i = 0; i < 40 && limited == null; i++) {
            io.restassured.response.Response r = given().header("X-Sensor-Key", sensor.apiKey()).contentType("text/plain")
                    .body("#").when().post("/api/v1/alerts?format=zeek");
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        assertTrue(limited != null, "the 20-request burst of the test profile was never exceeded");
        // checked on the refused response itself: the bucket refills at 5/s, so a further request may pass
        limited.then().statusCode(429).header("Retry-After", "1")
                .contentType("application/problem+json").body("status", equalTo(429));
    }

    @Test
    void shiftJisLinesAreRead() {
        given().header("X-Sensor-Key", sensor.apiKey()).contentType("text/plain")
                .body(sample("cef/logstash_codec_cef_shift_jis.cef"))
                .when().post("/api/v1/alerts?format=cef")
                .then().statusCode(202).body("accepted", equalTo(1));
        assertTrue(published(sensor.tenantId(), 1).get(0).raw().contains("ああああ"));
    }

    private static byte[] sample(String file) {
        try (InputStream in = AlertIntakeTest.class.getResourceAsStream("/samples/" + file)) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<AlertReceived> published(String tenantId, int expected) {
        return AlertsTopic.read(bootstrap, tenantId, expected);
    }
}

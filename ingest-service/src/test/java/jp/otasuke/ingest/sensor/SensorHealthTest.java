package jp.otasuke.ingest.sensor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.otasuke.common.events.EventJson;
import jp.otasuke.common.events.SensorSilent;
import jp.otasuke.common.events.SensorSpoke;
import jp.otasuke.common.events.Topics;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.TestUsers;
import jp.otasuke.infra.testing.Tokens;
import jp.otasuke.ingest.tenant.Tenants;

/**
 * A sensor's health on real PostgreSQL and Kafka (the test profile watches every second with a grace of one): a
 * heartbeat keeps it LIVE, silence past its interval is announced once, and its next word ends the silence.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class SensorHealthTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @Test
    void aSilentSensorIsAnnouncedOnceAndItsNextWordEndsTheSilence() throws Exception {
        String tenant = Tenants.onboard(realm).tenantId();
        var created = given().auth().oauth2(Tokens.forUser(realm, "ops-admin")).contentType(ContentType.JSON)
                .body(Map.of("kind", "NETWORK", "name", "FortiGate 60F", "expectedEverySeconds", 10))
                .when().post("/api/v1/tenants/" + tenant + "/sensors").then().statusCode(201).extract();
        String sensorId = created.path("id");
        String key = created.path("apiKey");
        sensors(tenant).body("items[0].state", equalTo("LIVE")).body("items[0].lastSeenAt", nullValue())
                .body("items[0].expectedEverySeconds", equalTo(10));

        given().header("X-Sensor-Key", key).when().post("/api/v1/sensors/heartbeat").then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> sensors(tenant).body("items[0].lastSeenAt", notNullValue()));

        // ten seconds and the grace without a word: silent, announced once however many watches pass
        List<ConsumerRecord<String, byte[]>> silent = EventTopics.read(Topics.SENSORS,
                r -> sensorId.equals(r.key()) && EventTopics.type(r).equals("otasuke.sensor.silent.v1"), 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> sensors(tenant).body("items[0].state", equalTo("SILENT")));
        Thread.sleep(3_000); // three more watches
        assertEquals(1, EventTopics.read(Topics.SENSORS,
                r -> sensorId.equals(r.key()) && EventTopics.type(r).equals("otasuke.sensor.silent.v1"), 1).size(),
                "one announcement per silence, not one per check");
        SensorSilent silence = EventJson.read(silent.get(0).value(), SensorSilent.class);
        assertEquals(UUID.fromString(tenant), silence.tenantId());
        assertEquals("FortiGate 60F", silence.sensorName());

        // any alert counts as a word
        given().header("X-Sensor-Key", key).contentType(ContentType.JSON)
                .body(Map.of("observedAt", java.time.Instant.now().toString(), "category", "RECON", "severity", "LOW",
                        "title", "port scan"))
                .when().post("/api/v1/alerts").then().statusCode(202);
        SensorSpoke spoke = EventJson.read(EventTopics.read(Topics.SENSORS,
                r -> sensorId.equals(r.key()) && EventTopics.type(r).equals("otasuke.sensor.spoke.v1"), 1).get(0).value(),
                SensorSpoke.class);
        assertEquals(silence.silenceId(), spoke.silenceId());
        sensors(tenant).body("items[0].state", equalTo("LIVE"));
    }

    @Test
    void theSmeSeesItsOwnSensorsAndNoOneElses() {
        String tenant = Tenants.onboard(realm).tenantId();
        given().auth().oauth2(Tokens.forUser(realm, "ops-admin")).contentType(ContentType.JSON)
                .body(Map.of("kind", "ENDPOINT", "name", "Agent keiri-pc"))
                .when().post("/api/v1/tenants/" + tenant + "/sensors").then().statusCode(201)
                .body("expectedEverySeconds", equalTo(3600)); // an agent's default
        String sme = Tokens.forUser(realm, TestUsers.smeUser(TestServers.keycloak(), UUID.fromString(tenant)));
        given().auth().oauth2(sme).when().get("/api/v1/tenants/" + tenant + "/sensors").then().statusCode(200)
                .body("items[0].name", equalTo("Agent keiri-pc")).body("items[0].state", equalTo("LIVE"))
                .body("items[0].apiKey", nullValue());
        given().auth().oauth2(sme).when().get("/api/v1/tenants/" + UUID.randomUUID() + "/sensors").then().statusCode(404);
        given().header("X-Sensor-Key", "osk_unknown").when().post("/api/v1/sensors/heartbeat").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(realm, "ops-admin")).contentType(ContentType.JSON)
                .body(Map.of("kind", "ENDPOINT", "name", "Too eager", "expectedEverySeconds", 1))
                .when().post("/api/v1/tenants/" + tenant + "/sensors").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.containsString("expectedEverySeconds"));
    }

    private io.restassured.response.ValidatableResponse sensors(String tenant) {
        return given().auth().oauth2(Tokens.forUser(realm, "ops-admin")).when().get("/api/v1/tenants/" + tenant + "/sensors")
                .then().statusCode(200);
    }

    @Test
    void aNewSensorIsWhereTheLocationSaysWithoutItsKeyAndNotForAnotherCompany() {
        Tenants.Onboarded owner = Tenants.onboard(realm);
        var created = given().auth().oauth2(Tokens.forUser(realm, "ops-admin")).contentType(ContentType.JSON)
                .body(Map.of("kind", "NETWORK", "name", "Located UTM")).when()
                .post("/api/v1/tenants/" + owner.tenantId() + "/sensors").then().statusCode(201).extract();
        String path = java.net.URI.create(created.header("Location")).getPath();
        given().auth().oauth2(Tokens.forUser(realm, "soc-1")).when().get(path).then().statusCode(200)
                .body("id", equalTo(created.path("id"))).body("name", equalTo("Located UTM")).body("apiKey", nullValue());
        String otherCompany = Tenants.onboard(realm).tenantId();
        given().auth().oauth2(Tokens.forUser(realm, "ops-admin")).when()
                .get("/api/v1/tenants/" + otherCompany + "/sensors/" + created.path("id")).then().statusCode(404);
    }

}

package jp.otasuke.ingest.consultation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.otasuke.common.events.ConsultationOpened;
import jp.otasuke.common.events.EventEnvelope;
import jp.otasuke.common.events.Topics;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.Tokens;
import jp.otasuke.ingest.tenant.Tenants;

/** The consultation desk with real SME users from Keycloak. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ConsultationDeskTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anSmeAsksForHelpSeesOnlyItsOwnRequestsAndTheSocSeesAll() throws Exception {
        Sme osaka = onboard();
        Sme sakai = onboard();

        String id = given().auth().oauth2(osaka.token()).contentType(ContentType.JSON)
                .body(Map.of("subject", "不審なメール", "body", "請求書を装ったメールの添付を開いてしまいました", "contactPhone", "06-1234-5678"))
                .when().post("/api/v1/consultations")
                .then().statusCode(201).body("status", equalTo("OPEN")).extract().path("id");

        given().auth().oauth2(osaka.token()).when().get("/api/v1/consultations")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        given().auth().oauth2(sakai.token()).when().get("/api/v1/consultations")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.forUser(realm, "soc-1")).when().get("/api/v1/consultations")
                .then().statusCode(200).body("items.id", hasItems(id));

        ConsultationOpened opened = announced(osaka.tenantId());
        assertEquals(UUID.fromString(id), opened.consultationId());
        assertEquals("不審なメール", opened.subject());
    }

    @Test
    void aConsultationNeedsASubjectAndABody() {
        given().auth().oauth2(onboard().token()).contentType(ContentType.JSON).body(Map.of("subject", ""))
                .when().post("/api/v1/consultations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("subject", "body"));
    }

    @Test
    void onlyAnSmeUserOpensConsultations() {
        given().auth().oauth2(Tokens.forUser(realm, "soc-1")).contentType(ContentType.JSON)
                .body(Map.of("subject", "x", "body", "y"))
                .when().post("/api/v1/consultations").then().statusCode(403);
    }

    private record Sme(String tenantId, String token) {
    }

    private Sme onboard() {
        Tenants.Onboarded sme = Tenants.onboard(realm);
        return new Sme(sme.tenantId(), sme.token(realm));
    }

    private ConsultationOpened announced(String tenantId) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "desk-test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CONSULTATIONS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (tenantId.equals(r.key())) {
                        return (ConsultationOpened) EventEnvelope.from(r).event().orElseThrow();
                    }
                }
            }
        }
        throw new AssertionError("no consultation event for tenant " + tenantId);
    }

    @Test
    void aConsultationIsWhereTheLocationSaysForItsCompanyAndTheSocOnly() throws Exception {
        Sme osaka = onboard();
        Sme sakai = onboard();
        var created = given().auth().oauth2(osaka.token()).contentType(ContentType.JSON)
                .body(Map.of("subject", "パスワードの件", "body", "共有パスワードを変えるべきか教えてください"))
                .when().post("/api/v1/consultations").then().statusCode(201).extract();
        String path = java.net.URI.create(created.header("Location")).getPath();
        given().auth().oauth2(osaka.token()).when().get(path).then().statusCode(200).body("subject", equalTo("パスワードの件"));
        given().auth().oauth2(Tokens.forUser(realm, "soc-1")).when().get(path).then().statusCode(200);
        given().auth().oauth2(sakai.token()).when().get(path).then().statusCode(404);
    }

}

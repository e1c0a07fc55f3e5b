package jp.otasuke.ingest.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
import jp.otasuke.common.events.EventEnvelope;
import jp.otasuke.common.events.Enums.PlanType;
import jp.otasuke.common.events.TenantUpserted;
import jp.otasuke.common.events.Topics;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.Tokens;

/** Onboarding against the real Keycloak, PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class TenantOnboardingTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anAdministratorOnboardsAnSmeWhoseUserCanLogInAndSeeOnlyItsTenant() throws Exception {
        OnboardTenantRequest request = Tenants.osakaMachineShop();

        String id = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/tenants")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/tenants/"))
                .body("plan.monthlyFeeYen", equalTo(20_000))
                .body("site.prefecture", equalTo("大阪府"))
                .body("adminUsername", equalTo(request.admin().email()))
                .body("initialPassword", nullValue())
                .extract().path("id");

        String smeToken = Tokens.forUser(realm, request.admin().email(), request.admin().initialPassword());
        assertTrue(claims(smeToken).contains("\"tenant_id\":\"" + id + "\""), claims(smeToken));
        assertTrue(claims(smeToken).contains("sme-user"));
        given().auth().oauth2(smeToken).when().get("/api/v1/tenants")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        String other = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Tenants.osakaMachineShop())
                .when().post("/api/v1/tenants").then().statusCode(201).extract().path("id");
        given().auth().oauth2(smeToken).when().get("/api/v1/tenants/" + other).then().statusCode(404);

        TenantUpserted announced = announced(UUID.fromString(id));
        assertEquals(request.name(), announced.name());
        assertEquals(34.7025, announced.site().latitude());
        assertEquals(PlanType.COMBINED, announced.plan().type());
    }

    @Test
    void withoutAnInitialPasswordOneIsGeneratedAndShownOnce() {
        OnboardTenantRequest base = Tenants.withPlan(PlanType.NETWORK, 0, 9_800);
        OnboardTenantRequest request = new OnboardTenantRequest(base.name(), base.industry(), base.contactEmail(),
                base.contactPhone(), base.site(), base.plan(),
                new OnboardTenantRequest.AdminRequest(base.admin().email(), base.admin().name(), null));

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/tenants")
                .then().statusCode(201).body("initialPassword", notNullValue());
    }

    @Test
    void theNetworkCapIsTenThousandYen() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Tenants.withPlan(PlanType.NETWORK, 0, 10_000))
                .when().post("/api/v1/tenants").then().statusCode(201);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Tenants.withPlan(PlanType.NETWORK, 0, 10_001))
                .when().post("/api/v1/tenants")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("network monitoring cap is ¥10,000"))
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("plan.monthlyFeeYen")) // the form shows it at the fee
                // the rule and its facts, for an app to say it in the reader's words
                .body("type", org.hamcrest.Matchers.equalTo("urn:otasuke:problem:tenant.price-cap"))
                .body("facts.capYen", org.hamcrest.Matchers.equalTo(10_000))
                .body("facts.monthlyFeeYen", org.hamcrest.Matchers.equalTo(10_001));
    }

    @Test
    void endpointAndCombinedCapsAtTheirBoundaries() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Tenants.withPlan(PlanType.ENDPOINT, 1, 2_000))
                .when().post("/api/v1/tenants").then().statusCode(201);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Tenants.withPlan(PlanType.ENDPOINT, 1, 2_001))
                .when().post("/api/v1/tenants").then().statusCode(422);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Tenants.withPlan(PlanType.COMBINED, 3, 16_000))
                .when().post("/api/v1/tenants").then().statusCode(201);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Tenants.withPlan(PlanType.COMBINED, 3, 16_001))
                .when().post("/api/v1/tenants").then().statusCode(422)
                .body("detail", containsString("combined cap"));
    }

    @Test
    void invalidFieldsAreListedAndNothingIsCreated() {
        String body = "{\"name\":\"\",\"contactEmail\":\"not-an-email\",\"site\":{\"postalCode\":\"5300001x\","
                + "\"prefecture\":\"大阪府\",\"address\":\"x\",\"latitude\":95,\"longitude\":135},"
                + "\"plan\":{\"type\":\"NETWORK\",\"endpointCount\":0,\"monthlyFeeYen\":5000},"
                + "\"admin\":{\"email\":\"a@b.example\",\"name\":\"A\"}}";
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tenants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "contactEmail", "site.postalCode", "site.latitude"));
        // each field's message in the language the request asks for
        given().auth().oauth2(admin()).contentType(ContentType.JSON).header("Accept-Language", "ja").body(body)
                .when().post("/api/v1/tenants")
                .then().statusCode(400)
                .body("errors.find { it.field == 'name' }.message", org.hamcrest.Matchers.matchesPattern(".*[\\u3040-\\u30ff\\u4e00-\\u9fff].*"));
    }

    @Test
    void anUnknownPlanTypeIsABadRequestNamingTheField() {
        String body = "{\"name\":\"x\",\"plan\":{\"type\":\"PLATINUM\"}}";
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tenants")
                .then().statusCode(400).body("detail", containsString("plan.type"));
    }

    @Test
    void aSocOperatorMayNotOnboard() {
        given().auth().oauth2(Tokens.forUser(realm, "soc-1")).contentType(ContentType.JSON)
                .body(Tenants.osakaMachineShop())
                .when().post("/api/v1/tenants").then().statusCode(403);
    }

    @Test
    void theSameAdminEmailTwiceIsAConflictAndLeavesNoSecondTenant() {
        OnboardTenantRequest first = Tenants.osakaMachineShop();
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(first)
                .when().post("/api/v1/tenants").then().statusCode(201);
        long before = Tenant.count();
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(first)
                .when().post("/api/v1/tenants").then().statusCode(409).contentType("application/problem+json");
        assertEquals(before, Tenant.count());
    }

    private String admin() {
        return Tokens.forUser(realm, "ops-admin");
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private TenantUpserted announced(UUID tenantId) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "onboarding-test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TENANTS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (tenantId.toString().equals(r.key())) {
                        return (TenantUpserted) EventEnvelope.from(r).event().orElseThrow();
                    }
                }
            }
        }
        throw new AssertionError("no TenantUpserted for " + tenantId + " on " + Topics.TENANTS);
    }
}

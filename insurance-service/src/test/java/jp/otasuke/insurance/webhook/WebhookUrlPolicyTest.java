package jp.otasuke.insurance.webhook;

import jp.otasuke.common.secrets.SecretBox;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.testing.ApiUser;
import jp.otasuke.infra.testing.RealInfrastructure;

/**
 * The probe's webhook findings: internal targets are refused at registration and again at delivery, an
 * insurer manages its own webhooks only, and links do not follow the Host header. (The tests' receivers are
 * on loopback, which the test profile allows, as the local platform does; OutboundUrlPolicyTest holds that
 * production refuses loopback too.)
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "insurance"))
class WebhookUrlPolicyTest {

    private static final String SECRET = "whsec-insurer-a-0123456789";

    @Inject
    SecretBox secrets;

    /** No PUBLIC_URL is set in the tests: the public URL is then the service's own address (PublicLinks). */
    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL publicUrl;

    private final ApiUser insurerA = ApiUser.client("insurer-a", "insurer-a-secret");
    private final ApiUser insurerB = ApiUser.client("insurer-b", "insurer-b-secret");

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://0.0.0.0:8082/q/metrics",
            "http://10.0.0.5/hook", "http://[fd00::1]/hook", "http://user:pass@127.0.0.1:8180/realms/master",
            "gopher://127.0.0.1/", "http://no-such-host.invalid/hook"})
    void anInternalOrMalformedTargetIsRefusedAtRegistration(String url) {
        insurerA.json(Map.of("url", url, "secret", SECRET)).when().post("/api/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"));
    }

    @Test
    void anInsurerListsRotatesAndDeletesItsOwnWebhooksOnly() {
        String id = insurerA.json(Map.of("url", "http://127.0.0.1:9/hooks/own", "secret", SECRET))
                .header("Host", "evil.example").when().post("/api/v1/webhooks")
                .then().statusCode(201)
                .header("Location", startsWith(publicUrl + "api/v1/webhooks/"))
                .extract().path("id");

        insurerA.request().when().get("/api/v1/webhooks").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.secret", not(hasItem(SECRET)));
        insurerB.request().when().get("/api/v1/webhooks").then().statusCode(200).body("items.id", not(hasItem(id)));
        insurerB.json(Map.of("secret", "whsec-insurer-b-0123456789")).when().put("/api/v1/webhooks/{id}/secret", id)
                .then().statusCode(404);
        insurerB.request().when().delete("/api/v1/webhooks/{id}", id).then().statusCode(404);

        insurerA.json(Map.of("secret", "whsec-rotated-0123456789")).when().put("/api/v1/webhooks/{id}/secret", id)
                .then().statusCode(204);
        QuarkusTransaction.requiringNew().run(() -> assertEquals("whsec-rotated-0123456789",
                secrets.open(Webhook.<Webhook>findById(UUID.fromString(id)).secretCiphertext)));
        insurerA.json(Map.of("secret", "short")).when().put("/api/v1/webhooks/{id}/secret", id).then().statusCode(400);

        insurerA.request().when().delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        insurerA.request().when().get("/api/v1/webhooks").then().statusCode(200).body("items.id", not(hasItem(id)));
        insurerA.request().when().delete("/api/v1/webhooks/{id}", id).then().statusCode(404);
    }

    @Test
    void aHostRepointedAtAnInternalAddressAfterRegistrationIsNotCalledAtDelivery() {
        long deliveryId = QuarkusTransaction.requiringNew().call(() -> {
            Webhook webhook = new Webhook();
            webhook.id = UUID.randomUUID();
            webhook.insurerId = "INS-TEST-" + webhook.id;
            webhook.url = "http://169.254.169.254/latest/meta-data/"; // as if its name now resolved there
            webhook.secretCiphertext = secrets.seal(SECRET);
            webhook.createdAt = Instant.now();
            webhook.persist();
            WebhookDelivery pending = new WebhookDelivery();
            pending.webhookId = webhook.id;
            pending.insurerId = webhook.insurerId;
            pending.claimId = UUID.randomUUID();
            pending.eventType = "otasuke.claim.opened.v1";
            pending.body = "{}";
            pending.status = WebhookDelivery.PENDING;
            pending.createdAt = Instant.now();
            pending.nextAttemptAt = Instant.now();
            pending.persist();
            return pending.id;
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> WebhookDelivery.<WebhookDelivery>findById(deliveryId).attempts > 0));
        WebhookDelivery delivery = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.findById(deliveryId));
        assertEquals(WebhookDelivery.PENDING, delivery.status);
        assertNull(delivery.lastStatusCode);
        assertEquals("Not sent: url's host is not a public internet address", delivery.lastError);
    }

    @Test
    void aPolicyMustNameAnInsurerThePlatformWorksWith() {
        ApiUser.as("ops-admin").json(Map.of("tenantId", UUID.randomUUID(), "insurerId", "INS-ZZZ", "policyNumber", "Z-1",
                "startsOn", "2026-01-01", "endsOn", "2026-12-31", "perIncidentLimitYen", 300_000,
                "annualAggregateLimitYen", 1_000_000, "deductibleYen", 0, "coveredCostTypes", java.util.List.of("TRAVEL")))
                .when().post("/api/v1/policies").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("insurerId"));
    }

    @Test
    void aDecimalYenAmountIsRefusedNamingTheField() {
        ApiUser.as("ops-admin").json("{\"tenantId\":\"" + UUID.randomUUID() + "\",\"insurerId\":\"INS-A\",\"policyNumber\":\"D-1\","
                + "\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-12-31\",\"perIncidentLimitYen\":300000.5,"
                + "\"annualAggregateLimitYen\":1000000,\"deductibleYen\":0,\"coveredCostTypes\":[\"TRAVEL\"]}")
                .when().post("/api/v1/policies").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Field 'perIncidentLimitYen' must be a whole number (a JSON integer, not a decimal or a text)"));
    }

    @Test
    void aWebhookAndAPolicyAreWhereTheirLocationsSayForTheirOwnInsurerOnly() {
        var hook = insurerA.json(Map.of("url", "http://127.0.0.1:9/hooks/located", "secret", SECRET)).when()
                .post("/api/v1/webhooks").then().statusCode(201).extract();
        insurerA.follow(hook.header("Location")).statusCode(200).body("id", equalTo(hook.path("id")))
                .body("secret", equalTo(null));
        insurerB.follow(hook.header("Location")).statusCode(404);

        jp.otasuke.insurance.Claims world = new jp.otasuke.insurance.Claims().known();
        var policy = ApiUser.as("ops-admin").json(Map.of("tenantId", world.tenant, "insurerId", "INS-A",
                "policyNumber", "LOC-" + UUID.randomUUID().toString().substring(0, 8), "startsOn", "2026-01-01",
                "endsOn", "2026-12-31", "perIncidentLimitYen", 300_000, "annualAggregateLimitYen", 1_000_000,
                "deductibleYen", 5_000, "coveredCostTypes", java.util.List.of("LABOR")))
                .when().post("/api/v1/policies").then().statusCode(201).extract();
        ApiUser.as("ops-admin").follow(policy.header("Location")).statusCode(200).body("id", equalTo(policy.path("id")));
        insurerA.follow(policy.header("Location")).statusCode(200).body("insurerId", equalTo("INS-A"));
        insurerB.follow(policy.header("Location")).statusCode(404);
    }

}

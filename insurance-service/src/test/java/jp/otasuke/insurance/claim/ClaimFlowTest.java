package jp.otasuke.insurance.claim;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.DispatchJobCompleted;
import jp.otasuke.common.events.IncidentOpened;
import jp.otasuke.common.events.Topics;
import jp.otasuke.common.testing.ApiUser;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.TestUsers;
import jp.otasuke.insurance.Claims;

/** Claims on real Kafka, PostgreSQL and Keycloak: opened by themselves, evaluated, decided and paid by the insurer. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "insurance"))
class ClaimFlowTest {

    private final Claims world = new Claims();

    @Inject
    ClaimOpening opening;

    @Test
    void aRedeliveredCompletionOpensOneClaimWithItsCoverageAndEvidence() {
        world.known().policy("INS-A", 1_000_000);
        IncidentOpened incident = world.incident();
        DispatchJobCompleted job = world.completed(incident);
        Claim claim = world.claimFor(incident, job);
        EventTopics.publish(job); // redelivered

        assertEquals(ClaimStatus.SUBMITTED, claim.status);
        assertEquals(25_800, claim.claimedTotalYen);
        assertEquals(20_800, claim.payableYen, "covered 25,800 − deductible 5,000");
        assertEquals("Ransomware on file server", claim.evidence.incident().title());
        assertEquals("Restored from backup", claim.evidence.job().report());
        assertEquals(1, EventTopics.read(Topics.CLAIMS, r -> incident.incidentId().toString().equals(r.key())
                && EventTopics.type(r).equals("otasuke.claim.opened.v1"), 1).size());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Claim.count("jobId", job.jobId())));
    }

    @Test
    void aCompletionThatOvertakesItsIncidentGetsTheIncidentEvidenceWhenItComes() {
        world.known().policy("INS-A", 1_000_000);
        IncidentOpened incident = world.incident();
        DispatchJobCompleted job = world.completed(incident);
        EventTopics.publish(job); // the dispatch topic is not ordered with the incidents topic
        await().atMost(Duration.ofSeconds(30)).until(() -> Claims.claimOf(job) != null);
        EventTopics.publish(incident);

        await().atMost(Duration.ofSeconds(30)).until(() -> Claims.claimOf(job).evidence.incident() != null);
        assertEquals("Ransomware on file server", Claims.claimOf(job).evidence.incident().title());
    }

    @Test
    void theInsurerDecidesWithIfMatchAStaleVersionIs412AndThenPays() {
        world.known().policy("INS-A", 1_000_000);
        IncidentOpened incident = world.incident();
        Claim claim = world.claimFor(incident, world.completed(incident));
        ApiUser insurerA = ApiUser.client("insurer-a", "insurer-a-secret");

        String etag = insurerA.request().when().get("/api/v1/claims/{id}", claim.id).then().statusCode(200)
                .body("payableYen", equalTo(20_800)).extract().header("ETag");
        insurerA.json(Map.of("outcome", "APPROVED", "approvedYen", 20_800, "reason", "ok")).when()
                .post("/api/v1/claims/{id}/decision", claim.id).then().statusCode(428);
        insurerA.json(Map.of("outcome", "PARTIALLY_APPROVED", "approvedYen", 15_000, "reason", "Parking not receipted"))
                .header("If-Match", etag).when().post("/api/v1/claims/{id}/decision", claim.id).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_APPROVED"));
        // a second adjuster still holding the old version
        insurerA.json(Map.of("outcome", "REJECTED", "approvedYen", 0, "reason", "No"))
                .header("If-Match", etag).when().post("/api/v1/claims/{id}/decision", claim.id).then().statusCode(412)
                .contentType("application/problem+json");
        insurerA.json(Map.of("paidYen", 15_000, "paymentReference", "PAY-2026-0042", "paidOn", "2026-11-30"))
                .when().post("/api/v1/claims/{id}/payment", claim.id).then().statusCode(200).body("status", equalTo("PAID"));

        List<String> audit = QuarkusTransaction.requiringNew().call(() -> ClaimAudit.<ClaimAudit>list("claimId = ?1 order by id",
                claim.id).stream().map(a -> a.action + " by " + a.actor).toList());
        assertEquals(List.of("otasuke.claim.opened.v1 by insurance-service", "otasuke.claim.decided.v1 by service-account-insurer-a",
                "otasuke.claim.paid.v1 by service-account-insurer-a"), audit);
    }

    @Test
    void anotherInsurerSeesNothingOfTheClaimAndTheSmeSeesItsOwn() {
        world.known().policy("INS-A", 1_000_000);
        IncidentOpened incident = world.incident();
        Claim claim = world.claimFor(incident, world.completed(incident));

        ApiUser insurerB = ApiUser.client("insurer-b", "insurer-b-secret");
        insurerB.request().when().get("/api/v1/claims/{id}", claim.id).then().statusCode(404);
        insurerB.request().when().get("/api/v1/claims").then().body("items.id", not(hasItem(claim.id.toString())));
        insurerB.json(Map.of("outcome", "REJECTED", "approvedYen", 0, "reason", "probe")).header("If-Match", "\"0\"")
                .when().post("/api/v1/claims/{id}/decision", claim.id).then().statusCode(404);
        ApiUser.as(TestUsers.smeUser(TestServers.keycloak(), world.tenant)).request()
                .when().get("/api/v1/claims").then().statusCode(200).body("items.id", equalTo(List.of(claim.id.toString())));
    }

    @Test
    void withoutAPolicyTheClaimIsNotCoveredWithReasonsAndInsurersNeverSeeIt() {
        world.known();
        IncidentOpened incident = world.incident();
        Claim claim = world.claimFor(incident, world.completed(incident));

        assertEquals(ClaimStatus.NOT_COVERED, claim.status);
        assertEquals(List.of("The tenant has no insurance policy"), List.of(claim.notCoveredReasons));
        ApiUser.as("soc-1").request().when().get("/api/v1/claims/{id}", claim.id).then().statusCode(200)
                .body("status", equalTo("NOT_COVERED"))
                .body("notCoveredReasons", equalTo(List.of("The tenant has no insurance policy")));
        // the SME, asking for no language, reads why in Japanese; asking for English, in English
        ApiUser sme = ApiUser.as(TestUsers.smeUser(TestServers.keycloak(), world.tenant));
        sme.request().when().get("/api/v1/claims/{id}", claim.id).then().statusCode(200)
                .body("notCoveredReasons", equalTo(List.of("サイバー保険のご契約がないため、保険金はお支払いできません")))
                .body("lines[0].note", equalTo("事故があった日に有効な保険契約がありません"));
        sme.request().header("Accept-Language", "en-GB,en;q=0.9").when().get("/api/v1/claims/{id}", claim.id).then()
                .body("notCoveredReasons", equalTo(List.of("The tenant has no insurance policy")));
        ApiUser.client("insurer-a", "insurer-a-secret").request().when().get("/api/v1/claims?status=NOT_COVERED").then()
                .body("items.id", not(hasItem(claim.id.toString())));
    }

    @Test
    void twoClaimsEvaluatedAtOnceDoNotBothSpendTheSameRemainderOfTheAggregate() throws Exception {
        world.known().policy("INS-A", 30_000);
        IncidentOpened first = world.incident();
        IncidentOpened second = world.incident();
        EventTopics.publish(first, second);
        DispatchJobCompleted a = world.completed(first);
        DispatchJobCompleted b = world.completed(second);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> both = pool.invokeAll(List.of(
                    () -> QuarkusTransaction.requiringNew().call(() -> opening.open(a)),
                    () -> QuarkusTransaction.requiringNew().call(() -> opening.open(b))));
            for (Future<Object> f : both) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long total = Claims.claimOf(a).payableYen + Claims.claimOf(b).payableYen;
        assertEquals(30_000, total, "20,800 for one, what remains (9,200) for the other");
        assertTrue(List.of(Claims.claimOf(a).explanation).toString().contains("aggregate")
                || List.of(Claims.claimOf(b).explanation).toString().contains("aggregate"));
    }

    @Test
    void policiesAreValidatedAndOnlyTheirInsurerSeesThem() {
        world.known();
        String id = world.policy("INS-B", 500_000);
        ApiUser.client("insurer-b", "insurer-b-secret").request().when().get("/api/v1/policies").then()
                .body("items.id", hasItem(id));
        ApiUser.client("insurer-a", "insurer-a-secret").request().when().get("/api/v1/policies").then()
                .body("items.id", not(hasItem(id)));
        ApiUser.as("ops-admin").json(Map.of("tenantId", world.tenant, "insurerId", "INS-A", "policyNumber", "X",
                "startsOn", "2026-12-31", "endsOn", "2026-01-01", "perIncidentLimitYen", 1, "annualAggregateLimitYen", 1,
                "deductibleYen", 0, "coveredCostTypes", List.of("LABOR"))).when().post("/api/v1/policies").then()
                .statusCode(400).body("errors.field", hasItem("endsOn"));
        ApiUser.as("ops-admin").json(Map.of("tenantId", java.util.UUID.randomUUID(), "insurerId", "INS-A", "policyNumber", "Y",
                "startsOn", "2026-01-01", "endsOn", "2026-12-31", "perIncidentLimitYen", 1, "annualAggregateLimitYen", 1,
                "deductibleYen", 0, "coveredCostTypes", List.of("LABOR"))).when().post("/api/v1/policies").then()
                .statusCode(422);
    }
}

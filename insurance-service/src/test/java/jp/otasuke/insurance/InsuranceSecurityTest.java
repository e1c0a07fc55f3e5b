package jp.otasuke.insurance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.Tokens;
import jp.otasuke.insurance.policy.Policy;

/** The security baseline against the real Keycloak, and insurer scoping through the insurer_id claim. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "insurance"))
class InsuranceSecurityTest {

    // health and metrics live on the management interface, not on the API port
    @TestHTTPResource(value = "/health/ready", management = true) // under the management root, /q
    URL readiness;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @Test
    void policiesNeedAToken() {
        given().when().get("/api/v1/policies").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aSocOperatorMayNotListPolicies() {
        given().auth().oauth2(Tokens.forUser(realm, "soc-1"))
                .when().get("/api/v1/policies")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anInsurerSeesOnlyItsOwnPolicies() {
        UUID ofA = policy("INS-A", "A-0001");
        UUID ofB = policy("INS-B", "B-0001");

        given().auth().oauth2(Tokens.forClient(realm, "insurer-a", "insurer-a-secret"))
                .when().get("/api/v1/policies")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(ofA.toString())));
        given().auth().oauth2(Tokens.forUser(realm, "ops-admin"))
                .when().get("/api/v1/policies")
                .then().statusCode(200)
                .body("items.id", hasItems(ofA.toString(), ofB.toString()));
    }

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().when().get(readiness).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    private static UUID policy(String insurer, String number) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Policy p = new Policy();
            p.id = UUID.randomUUID();
            p.tenantId = UUID.randomUUID();
            p.insurerId = insurer;
            p.policyNumber = number;
            p.startsOn = LocalDate.parse("2026-04-01");
            p.endsOn = LocalDate.parse("2027-03-31");
            p.perIncidentLimitYen = 1_000_000;
            p.annualAggregateLimitYen = 3_000_000;
            p.deductibleYen = 10_000;
            p.coveredCostTypes = List.of("LABOR", "TRAVEL", "EXPENSE");
            p.persist();
            return p.id;
        });
    }
}

package jp.otasuke.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.net.URL;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.Tokens;

/** The security baseline against the real Keycloak: no token 401, wrong role 403, right role 200. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class TriageSecurityTest {

    // health and metrics live on the management interface, not on the API port
    @TestHTTPResource(value = "/health/ready", management = true) // under the management root, /q
    URL readiness;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @Test
    void theQueueNeedsAToken() {
        given().when().get("/api/v1/incidents").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anInsurerMayNotSeeTheQueue() {
        given().auth().oauth2(Tokens.forClient(realm, "insurer-b", "insurer-b-secret"))
                .when().get("/api/v1/incidents")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aPlatformAdminIsNotASocOperator() {
        given().auth().oauth2(Tokens.forUser(realm, "ops-admin"))
                .when().get("/api/v1/incidents")
                .then().statusCode(403);
    }

    @Test
    void aSocOperatorSeesTheQueue() {
        given().auth().oauth2(Tokens.forUser(realm, "soc-2"))
                .when().get("/api/v1/incidents")
                .then().statusCode(200).body("nextCursor", equalTo(null));
    }

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().when().get(readiness).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }
}

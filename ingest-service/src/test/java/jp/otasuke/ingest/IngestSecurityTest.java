package jp.otasuke.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

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
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class IngestSecurityTest {

    // health and metrics live on the management interface, not on the API port
    @TestHTTPResource(value = "/health/ready", management = true) // under the management root, /q
    URL readiness;
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @Test
    void tenantsNeedAToken() {
        given().when().get("/api/v1/tenants").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anInsurerMayNotListTenants() {
        given().auth().oauth2(Tokens.forClient(realm, "insurer-a", "insurer-a-secret"))
                .when().get("/api/v1/tenants")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void aSocOperatorListsTenants() {
        given().auth().oauth2(Tokens.forUser(realm, "soc-1"))
                .when().get("/api/v1/tenants")
                .then().statusCode(200)
                .body("items", notNullValue());
    }

    @Test
    void anUnknownTenantIsAProblem404() {
        given().auth().oauth2(Tokens.forUser(realm, "ops-admin"))
                .when().get("/api/v1/tenants/3f1c2b9e-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Tenant 3f1c2b9e-0000-4000-8000-000000000000 not found"));
    }

    @Test
    void aLimitAboveTheMaximumIsABadRequest() {
        given().auth().oauth2(Tokens.forUser(realm, "soc-1"))
                .when().get("/api/v1/tenants?limit=501")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortAndReadinessChecksDatabaseAndKafka() {
        given().when().get(readiness).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().when().get(metrics).then().statusCode(200);
    }

    @Test
    void theApiPortShowsNoHealthNorMetrics() {
        given().when().get("/q/metrics").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void openApiIsOnTheApiPortWhereApiDocsAreSwitchedOn() {
        // on in dev, tests and the launcher's local platform (API_DOCS); off by default in production
        given().when().get("/q/openapi").then().statusCode(200);
    }
}

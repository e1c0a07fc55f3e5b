package jp.otasuke.dispatch;

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
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "dispatch"))
class DispatchSecurityTest {

    // health and metrics live on the management interface, not on the API port
    @TestHTTPResource(value = "/health/ready", management = true) // under the management root, /q
    URL readiness;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @Test
    void theRosterNeedsAToken() {
        given().when().get("/api/v1/engineers").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aForgedTokenIsRefused() {
        String forged = Tokens.forUser(realm, "soc-1");
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).when().get("/api/v1/engineers").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anInsurerMayNotSeeTheRoster() {
        given().auth().oauth2(Tokens.forClient(realm, "insurer-a", "insurer-a-secret"))
                .when().get("/api/v1/engineers")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aSocOperatorSeesTheRoster() {
        given().auth().oauth2(Tokens.forUser(realm, "soc-1"))
                .when().get("/api/v1/engineers")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().when().get(readiness).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }
}

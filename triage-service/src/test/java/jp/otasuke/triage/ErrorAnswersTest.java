package jp.otasuke.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.Tokens;

/**
 * Every refusal carries a problem+json body a client can show, including the ones the HTTP layer used to send
 * bare (401, 413, 414), and a malformed query parameter is a bad request naming it, not a missing page.
 * The mechanics are otasuke-common's (ProblemMappers, RequestLimits), so this holds on every service.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class ErrorAnswersTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @Test
    void noTokenIs401WithABodyAndTheBearerChallenge() {
        given().when().get("/api/v1/incidents").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401))
                .body("detail", equalTo("Sign in first: this needs a bearer token"));
    }

    @Test
    void aForgedTokenIs401WithABody() {
        String token = Tokens.forUser(realm, "soc-1");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).when().get("/api/v1/incidents").then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("The bearer token is not valid (expired, forged or from another issuer)"));
    }

    @Test
    void anUnknownPathIs404WithABody() {
        given().when().get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aTenantIdThatIsNotAUuidIs400NamingTheParameter() {
        given().auth().oauth2(Tokens.forUser(realm, "soc-1")).when().get("/api/v1/incidents?tenantId=not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("tenantId"));
    }

    @Test
    void anOverLongAddressIs414WithABody() {
        given().when().get("/api/v1/incidents?q=" + "x".repeat(9000)).then().statusCode(414)
                .contentType("application/problem+json").body("status", equalTo(414));
    }

    @Test
    void anOverLargeBodyIs413WithABody() {
        byte[] body = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        given().auth().oauth2(Tokens.forUser(realm, "soc-1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/incidents/00000000-0000-0000-0000-000000000000/comments").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void hstsOnlyOnAnswersThatTravelledOverTls() {
        // the test profile believes X-Forwarded-Proto, as production does behind its TLS proxy (BEHIND_PROXY)
        given().header("X-Forwarded-Proto", "https").when().get("/api/v1/incidents").then()
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        given().when().get("/api/v1/incidents").then().header("Strict-Transport-Security", nullValue());
    }
}

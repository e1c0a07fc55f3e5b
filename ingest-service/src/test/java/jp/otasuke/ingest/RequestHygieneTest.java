package jp.otasuke.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.Tokens;
import jp.otasuke.ingest.tenant.Tenants;

/**
 * The probe's input findings on ingest, against the real Keycloak: bad text, coerced numbers and bad query
 * parameters get 400 naming the field (before, a NUL or a control character in a name reached Keycloak and
 * came back as 503, a decimal fee was rounded under its cap, and limit=abc answered 404).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class RequestHygieneTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;
    /** No PUBLIC_URL is set in the tests: the public URL is then the service's own address (PublicLinks). */
    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL publicUrl;

    private ObjectNode onboarding() {
        return JSON.valueToTree(Tenants.osakaMachineShop());
    }

    private io.restassured.response.ValidatableResponse onboard(String body) {
        return given().auth().oauth2(Tokens.forUser(realm, "ops-admin")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tenants").then();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000name", "bell\u0007name", "escape\u001b[31m"})
    void aControlCharacterInANameIsABadRequestNotAnOutageOfTheIdentityProvider(String name) {
        ObjectNode body = onboarding();
        body.put("name", name);
        onboard(body.toString()).statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Field 'name' must not contain control characters (such as NUL)"));
        ObjectNode admin = onboarding();
        ((ObjectNode) admin.get("admin")).put("name", name);
        onboard(admin.toString()).statusCode(400).body("detail", equalTo("Field 'admin.name' must not contain control characters (such as NUL)"));
    }

    @Test
    void aLineBreakInAOneLineFieldIsRefusedNamingIt() {
        ObjectNode body = onboarding();
        body.put("name", "大阪精密工業\n株式会社");
        onboard(body.toString()).statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void aDecimalFeeIsRefusedRatherThanRoundedUnderTheCap() {
        ObjectNode body = onboarding();
        ((ObjectNode) body.get("plan")).put("monthlyFeeYen", 10000.9);
        onboard(body.toString()).statusCode(400)
                .body("detail", equalTo("Field 'plan.monthlyFeeYen' must be a whole number (a JSON integer, not a decimal or a text)"));
        ((ObjectNode) body.get("plan")).put("monthlyFeeYen", "9800");
        onboard(body.toString()).statusCode(400)
                .body("detail", equalTo("Field 'plan.monthlyFeeYen' must be a whole number (a JSON integer, not a decimal or a text)"));
        ObjectNode subject = onboarding();
        subject.put("industry", 123);
        onboard(subject.toString()).statusCode(400).body("detail", equalTo("Field 'industry' must be a text (a JSON string)"));
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanTheLastWinning() {
        String body = onboarding().toString().replaceFirst("\\{", "{\"name\":\"first\",");
        onboard(body).statusCode(400).body("detail", equalTo("Field 'name' appears more than once"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1e3", "99999999999999999999", "0", "-1", "501"})
    void aBadLimitIsABadRequestNamingTheParameter(String limit) {
        given().auth().oauth2(Tokens.forUser(realm, "ops-admin")).queryParam("limit", limit)
                .when().get("/api/v1/tenants").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aCallerSendingFasterThanTheLimitGets429WithRetryAfter() {
        String sme = Tenants.onboard(realm).token(realm);
        int refused = 0;
        for (int i = 0; i < 250 && refused == 0; i++) {
            var response = given().auth().oauth2(sme).when().get("/api/v1/consultations").then().extract();
            if (response.statusCode() == 429) {
                refused++;
                org.junit.jupiter.api.Assertions.assertEquals("1", response.header("Retry-After"));
                org.junit.jupiter.api.Assertions.assertEquals("application/problem+json", response.contentType());
            } else {
                org.junit.jupiter.api.Assertions.assertEquals(200, response.statusCode());
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(1, refused, "250 calls at once exceed a burst of 100 at 20/s");
        // another caller is not held back by it
        given().auth().oauth2(Tokens.forUser(realm, "soc-1")).when().get("/api/v1/consultations").then().statusCode(200);
    }

    @Test
    void apiAnswersAreNeitherSniffedNorCached() {
        given().auth().oauth2(Tokens.forUser(realm, "ops-admin")).when().get("/api/v1/tenants").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
    }

    @Test
    void theCreatedTenantsLinkStartsWithThePublicUrlWhateverTheHostHeaderSays() {
        given().auth().oauth2(Tokens.forUser(realm, "ops-admin")).header("Host", "evil.example")
                .contentType(ContentType.JSON).body(onboarding().toString())
                .when().post("/api/v1/tenants").then().statusCode(201)
                .header("Location", startsWith(publicUrl + "api/v1/tenants/"));
    }

    @Test
    void aTenantsSensorsArePagedLikeEveryList() {
        String tenant = Tenants.onboard(realm).tenantId();
        String admin = Tokens.forUser(realm, "ops-admin");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(java.util.Map.of("kind", "NETWORK", "name", "UTM " + i))
                    .when().post("/api/v1/tenants/" + tenant + "/sensors").then().statusCode(201);
        }
        String sensors = "/api/v1/tenants/" + tenant + "/sensors";
        java.util.List<String> all = given().auth().oauth2(admin).when().get(sensors).then().statusCode(200)
                .body("nextCursor", nullValue()).extract().path("items.id");
        org.junit.jupiter.api.Assertions.assertEquals(3, all.size());
        String cursor = given().auth().oauth2(admin).queryParam("limit", 2).when().get(sensors).then()
                .body("items.id", equalTo(all.subList(0, 2))).extract().path("nextCursor");
        given().auth().oauth2(admin).queryParam("limit", 2).queryParam("cursor", cursor).when().get(sensors).then()
                .body("items.id", equalTo(all.subList(2, 3))).body("nextCursor", nullValue());
        given().auth().oauth2(admin).queryParam("limit", "abc").when().get(sensors).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}

package jp.otasuke.ingest.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.Tokens;

/** When Keycloak's admin API cannot create the SME's user, nothing is created: 503 with Retry-After, no tenant. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "ingest"), @ResourceArg(name = "keycloakAdmin", value = "unreachable")})
class OnboardingWithoutKeycloakTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @Test
    void noHalfMadeTenantRemainsWhenTheUserCannotBeCreated() {
        OnboardTenantRequest request = Tenants.osakaMachineShop();
        String admin = Tokens.forUser(realm, "ops-admin");

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/tenants")
                .then().statusCode(503).header("Retry-After", "10").contentType("application/problem+json")
                .body("detail", equalTo("The identity provider is not available; nothing was created"));
        given().auth().oauth2(admin).queryParam("limit", 500).when().get("/api/v1/tenants")
                .then().statusCode(200).body("items.name", not(hasItem(request.name())));
    }
}

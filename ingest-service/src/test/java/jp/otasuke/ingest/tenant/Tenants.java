package jp.otasuke.ingest.tenant;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import jp.otasuke.common.events.Enums.PlanType;
import jp.otasuke.infra.testing.Tokens;

/** Onboarding requests for the tests: a real-looking SME, varied where a test needs it. */
public final class Tenants {

    /** An SME onboarded through the real API: its id and its first user's login. */
    public record Onboarded(String tenantId, String adminEmail, String adminPassword) {

        /** A real token of the SME's user from Keycloak. */
        public String token(String realm) {
            return Tokens.forUser(realm, adminEmail, adminPassword);
        }
    }

    /** Onboards {@link #osakaMachineShop()} as ops-admin through {@code POST /api/v1/tenants}. */
    public static Onboarded onboard(String realm) {
        OnboardTenantRequest request = osakaMachineShop();
        String id = given().auth().oauth2(Tokens.forUser(realm, "ops-admin")).contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/tenants").then().statusCode(201).extract().path("id");
        return new Onboarded(id, request.admin().email(), request.admin().initialPassword());
    }

    private Tenants() {
    }

    public static OnboardTenantRequest osakaMachineShop() {
        return withPlan(PlanType.COMBINED, 5, 20_000);
    }

    static OnboardTenantRequest withPlan(PlanType type, int endpoints, long feeYen) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new OnboardTenantRequest("大阪精密工業 " + unique, "manufacturing", "it-" + unique + "@osaka-seimitsu.example",
                "06-1234-5678",
                new OnboardTenantRequest.SiteRequest("530-0001", "大阪府", "大阪市北区梅田1-1-1", 34.7025, 135.4959),
                new OnboardTenantRequest.PlanRequest(type, endpoints, feeYen),
                new OnboardTenantRequest.AdminRequest("admin-" + unique + "@osaka-seimitsu.example", "山田 太郎",
                        "correct-horse-battery"));
    }
}

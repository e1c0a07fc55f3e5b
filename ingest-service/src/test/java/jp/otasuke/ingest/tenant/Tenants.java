package jp.otasuke.ingest.tenant;

import java.util.UUID;

import jp.otasuke.common.events.Enums.PlanType;

/** Onboarding requests for the tests: a real-looking SME, varied where a test needs it. */
final class Tenants {

    private Tenants() {
    }

    static OnboardTenantRequest osakaMachineShop() {
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

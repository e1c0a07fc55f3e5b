package jp.otasuke.triage;

import java.time.Instant;
import java.util.UUID;

import jp.otasuke.common.events.Enums.PlanType;
import jp.otasuke.common.events.Plan;
import jp.otasuke.common.events.Site;
import jp.otasuke.common.events.TenantUpserted;

/** SMEs as ingest-service announces them on the tenants topic. */
public final class Tenants {

    private Tenants() {
    }

    public static TenantUpserted osakaMachineShop(UUID tenantId) {
        return new TenantUpserted(UUID.randomUUID(), Instant.now(), tenantId, "Osaka Seimitsu", "manufacturing",
                "it@example.jp", "06-1234-5678", new Site("530-0001", "大阪府", "大阪市北区梅田1-1-1", 34.7025, 135.4959),
                new Plan(PlanType.COMBINED, 5, 20_000), true);
    }
}

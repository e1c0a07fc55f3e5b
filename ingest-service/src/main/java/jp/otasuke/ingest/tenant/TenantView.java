package jp.otasuke.ingest.tenant;

import java.time.Instant;
import java.util.UUID;

import jp.otasuke.common.events.Plan;
import jp.otasuke.common.events.Site;

/** A tenant as the API shows it. */
public record TenantView(UUID id, String name, String industry, String contactEmail, String contactPhone, Site site,
        Plan plan, String adminUsername, boolean active, Instant createdAt) {

    static TenantView of(Tenant t) {
        return new TenantView(t.id, t.name, t.industry, t.contactEmail, t.contactPhone,
                new Site(t.postalCode, t.prefecture, t.address, t.latitude, t.longitude),
                new Plan(t.planType, t.endpointCount, t.monthlyFeeYen), t.adminUsername, t.active, t.createdAt);
    }
}

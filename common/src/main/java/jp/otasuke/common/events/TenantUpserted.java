package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

/** The latest state of a tenant (an SME customer); the tenants topic is compacted on the tenant id. */
public record TenantUpserted(UUID eventId, Instant occurredAt, UUID tenantId, String name, String industry,
        String contactEmail, String contactPhone, Site site, Plan plan, boolean active) implements OtasukeEvent {

    @Override
    public String subjectId() {
        return tenantId.toString();
    }

    @Override
    public String partitionKey() {
        return tenantId.toString();
    }
}

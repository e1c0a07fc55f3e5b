package jp.otasuke.insurance.webhook;

import jakarta.enterprise.inject.Produces;

import jp.otasuke.common.retention.Kept;
import jp.otasuke.insurance.InsuranceConfig;

/** What insurance keeps of its webhook deliveries, and how long (deleted by common's Retention); claims are kept. */
final class DeliveryRetention {

    /** Deliveries done with; a pending one is kept however old, until it is delivered. */
    @Produces
    static Kept deliveries(InsuranceConfig config) {
        return new Kept("webhook_delivery", "created_at", "status <> 'PENDING'", config.webhooks().keep());
    }
}

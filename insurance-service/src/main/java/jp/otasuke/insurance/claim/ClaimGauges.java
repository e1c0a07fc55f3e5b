package jp.otasuke.insurance.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.metrics.CountedInDatabase;

/** The claims' flow for the dashboard: claims waiting for the insurer, and changes not yet told to its webhook. */
@ApplicationScoped
class ClaimGauges {

    void register(@Observes StartupEvent event, CountedInDatabase counted) {
        counted.gauge("otasuke.claims.awaiting.decision", "Claims submitted or under review",
                "select count(*) from claim where status in ('SUBMITTED', 'UNDER_REVIEW')");
        counted.gauge("otasuke.webhooks.pending", "Claim changes not yet delivered to an insurer's webhook",
                "select count(*) from webhook_delivery where status = 'PENDING'");
    }
}

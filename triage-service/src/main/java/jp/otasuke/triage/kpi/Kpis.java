package jp.otasuke.triage.kpi;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The SOC's figures over the incidents opened in [from, to) (API.md, {@code GET /incidents/kpis}). */
public record Kpis(Instant from, Instant to, List<ByPriority> byPriority, List<Count> byCategory,
        List<TenantCount> byTenant, Onsite onsite, Claims claims) {

    /**
     * Times in seconds; null where no incident of the priority got that far. SLA compliance: of the incidents
     * whose acknowledge clock has run its course (acknowledged, or breached), the share acknowledged in time.
     */
    public record ByPriority(String priority, long opened, long acknowledged, long resolved, Percentiles timeToAcknowledge,
            Percentiles timeToResolve, long slaMet, long slaBreached, Double slaCompliance) {
    }

    public record Percentiles(Double p50, Double p90) {
    }

    public record Count(String key, long count) {
    }

    public record TenantCount(UUID tenantId, String name, long count) {
    }

    /** On-site jobs asked for and how far they got (as dispatch reported them). */
    public record Onsite(long requested, long completed) {
    }

    public record Claims(long opened, long paid) {
    }
}

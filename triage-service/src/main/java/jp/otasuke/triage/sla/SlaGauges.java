package jp.otasuke.triage.sla;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.metrics.CountedInDatabase;

/** Incidents nobody has acknowledged within their SLA: the alert that pages the SOC's lead (monitoring.yaml). */
@ApplicationScoped
class SlaGauges {

    void register(@Observes StartupEvent event, CountedInDatabase counted) {
        counted.gauge("otasuke.incidents.unacknowledged.overdue", "Open incidents past their acknowledgement deadline",
                "select count(*) from incident where status = 'OPEN' and ack_due_at < now()");
    }
}

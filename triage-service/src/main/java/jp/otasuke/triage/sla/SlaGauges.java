package jp.otasuke.triage.sla;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.metrics.CountedInDatabase;

/**
 * The SOC's load and its SLA: incidents open by priority, and those nobody acknowledged within their SLA (the alert
 * that pages the SOC's lead, monitoring.yaml).
 */
@ApplicationScoped
class SlaGauges {

    void register(@Observes StartupEvent event, CountedInDatabase counted) {
        counted.gauge("otasuke.incidents.unacknowledged.overdue", "Open incidents past their acknowledgement deadline",
                "select count(*) from incident where status = 'OPEN' and ack_due_at < now()");
        for (Priority priority : Priority.values()) {
            counted.gauge("otasuke.incidents.active", "Incidents not yet resolved, by priority",
                    "select count(*) from incident where status in ('OPEN', 'ACKNOWLEDGED', 'ONSITE_REQUESTED', 'ONSITE_IN_PROGRESS')"
                            + " and priority = '" + priority.name() + "'", "priority", priority.name());
        }
    }
}

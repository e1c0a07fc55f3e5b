package jp.otasuke.dispatch.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.metrics.CountedInDatabase;

/**
 * What the planner leaves undone: a job waiting long for an engineer means the planner is not planning (or nobody
 * can go), and a planned arrival after the job's deadline means an SME waits longer than it was promised.
 */
@ApplicationScoped
class PlanningGauges {

    void register(@Observes StartupEvent event, CountedInDatabase counted) {
        counted.gauge("otasuke.jobs.unassigned", "Jobs without an engineer",
                "select count(*) from dispatch_job where status = 'UNASSIGNED'");
        counted.gauge("otasuke.jobs.oldest.unassigned.seconds", "How long the oldest job has waited for an engineer",
                "select coalesce(extract(epoch from now() - min(created_at)), 0) from dispatch_job where status = 'UNASSIGNED'");
        counted.gauge("otasuke.jobs.late", "Jobs whose engineer is planned to arrive after the deadline",
                "select count(*) from dispatch_job where status in ('ASSIGNED', 'ACCEPTED', 'EN_ROUTE') and planned_arrival > deadline");
    }
}

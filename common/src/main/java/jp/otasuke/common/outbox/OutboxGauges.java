package jp.otasuke.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.metrics.CountedInDatabase;

/** The outbox's backlog, for the alert that says events are not leaving a service (Kafka away, a relay stuck). */
@ApplicationScoped
class OutboxGauges {

    void register(@Observes StartupEvent event, CountedInDatabase counted) {
        counted.gauge("otasuke.outbox.unsent", "Events written but not yet published", "select count(*) from outbox where sent_at is null");
        counted.gauge("otasuke.outbox.oldest.unsent.seconds", "Age of the oldest event not yet published",
                "select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox where sent_at is null");
    }
}

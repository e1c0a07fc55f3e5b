package jp.otasuke.insurance.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jp.otasuke.common.consumer.BatchApplier;
import jp.otasuke.common.events.IncidentOpened;

/** Keeps {@link IncidentFact} from the incidents topic (each incident once; redeliveries change nothing). */
@ApplicationScoped
public class IncidentFacts {

    private final BatchApplier applier;
    private final Event<IncidentFactRecorded> recorded;

    IncidentFacts(BatchApplier applier, Event<IncidentFactRecorded> recorded) {
        this.applier = applier;
        this.recorded = recorded;
    }

    @Incoming("incidents")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        applier.apply(records, IncidentOpened.class, opened -> opened.forEach(incident -> {
            IncidentFact fact = IncidentFact.record(incident);
            if (fact != null) {
                recorded.fire(new IncidentFactRecorded(fact));
            }
        }));
    }
}

package jp.otasuke.triage.correlation;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jp.otasuke.common.consumer.BatchApplier;
import jp.otasuke.common.events.AlertReceived;

/** Consumes the alerts topic in batches (one transaction each); offsets are committed after the batch. */
@ApplicationScoped
public class AlertConsumer {

    private final BatchApplier applier;
    private final AlertCorrelation correlation;

    AlertConsumer(BatchApplier applier, AlertCorrelation correlation) {
        this.applier = applier;
        this.correlation = correlation;
    }

    @Incoming("alerts")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        applier.apply(records, AlertReceived.class, correlation::correlate);
    }
}

package jp.otasuke.triage.consultation;

import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jp.otasuke.common.consumer.BatchApplier;
import jp.otasuke.common.events.ConsultationOpened;
import jp.otasuke.triage.TriageConfig;
import jp.otasuke.triage.incident.Incident;
import jp.otasuke.triage.incident.IncidentLog;

/**
 * A consultation from the desk becomes an incident of kind CONSULTATION in the SOC queue, once (the
 * consultation id is unique among incidents); a CUSTOMER comment on it is the answer the SME reads.
 */
@ApplicationScoped
public class ConsultationConsumer {

    private final BatchApplier applier;
    private final TriageConfig config;
    private final IncidentLog log;

    ConsultationConsumer(BatchApplier applier, TriageConfig config, IncidentLog log) {
        this.applier = applier;
        this.config = config;
        this.log = log;
    }

    @Incoming("consultations")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        applier.apply(records, ConsultationOpened.class, consultations -> consultations.forEach(this::open));
    }

    private void open(ConsultationOpened consultation) {
        if (Incident.count("consultationId", consultation.consultationId()) > 0) {
            return;
        }
        Instant now = Instant.now();
        Incident incident = Incident.openFrom(consultation, config.consultationPriority(), now,
                config.ackDue().of(config.consultationPriority()));
        incident.persist();
        log.opened(incident, now);
    }
}

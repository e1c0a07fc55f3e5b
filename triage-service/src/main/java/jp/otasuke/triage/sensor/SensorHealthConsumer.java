package jp.otasuke.triage.sensor;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jp.otasuke.common.consumer.BatchApplier;
import jp.otasuke.common.events.OtasukeEvent;
import jp.otasuke.common.events.SensorSilent;
import jp.otasuke.common.events.SensorSpoke;
import jp.otasuke.common.tenants.KnownTenant;
import jp.otasuke.triage.TriageConfig;
import jp.otasuke.triage.incident.Incident;
import jp.otasuke.triage.incident.IncidentLog;

/**
 * A silent sensor becomes one SENSOR_SILENT incident for its tenant (one per silence: the silence id is unique
 * among incidents, so a redelivered announcement opens nothing twice); when the sensor speaks again the incident
 * resolves itself, with a line in the timeline that the SME reads too.
 */
@ApplicationScoped
public class SensorHealthConsumer {

    private final BatchApplier applier;
    private final TriageConfig config;
    private final IncidentLog log;

    SensorHealthConsumer(BatchApplier applier, TriageConfig config, IncidentLog log) {
        this.applier = applier;
        this.config = config;
        this.log = log;
    }

    @Incoming("sensors")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        applier.apply(records, OtasukeEvent.class, events -> events.forEach(this::apply));
    }

    private void apply(OtasukeEvent event) {
        if (event instanceof SensorSilent silent) {
            open(silent);
        } else if (event instanceof SensorSpoke spoke) {
            recover(spoke);
        }
    }

    private void open(SensorSilent silence) {
        if (Incident.count("sensorSilenceId", silence.silenceId()) > 0) {
            return;
        }
        String plan = KnownTenant.<KnownTenant>findByIdOptional(silence.tenantId()).map(t -> t.planType).orElse(null);
        var priority = SilencePriority.of(plan, silence.kind());
        Instant now = Instant.now();
        Incident incident = Incident.openFrom(silence, priority, now, config.ackDue().of(priority));
        incident.persist();
        log.opened(incident, now);
    }

    private void recover(SensorSpoke spoke) {
        Incident.<Incident>find("sensorSilenceId", spoke.silenceId()).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().ifPresent(incident -> {
                    Instant now = Instant.now();
                    if (incident.recovered("The sensor " + spoke.sensorName() + " spoke again at " + spoke.spokeAt(), now)) {
                        log.sensorRecovered(incident, spoke.spokeAt(), now);
                    }
                });
    }
}

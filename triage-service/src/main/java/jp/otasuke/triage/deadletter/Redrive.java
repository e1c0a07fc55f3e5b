package jp.otasuke.triage.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.quarkus.logging.Log;
import jp.otasuke.common.config.SharedConfig;
import jp.otasuke.common.kafka.ReliableProducer;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.problem.Refusal;
import jp.otasuke.triage.incident.Incident;
import jp.otasuke.triage.incident.IncidentLog;
import jp.otasuke.triage.timeline.SocLine;

/**
 * Sends a dead letter back to the topic it came from, as it was (key, value, headers without the dead-letter ones),
 * and waits for Kafka's acknowledgement before recording it as re-driven: a re-drive is never recorded without
 * having happened. Under the row's lock, so two clicks re-drive once.
 */
@ApplicationScoped
public class Redrive {

    private final String bootstrapServers;
    private final IncidentLog log;
    private KafkaProducer<String, byte[]> producer;

    Redrive(SharedConfig config, IncidentLog log) {
        this.bootstrapServers = config.kafka().bootstrapServers();
        this.log = log;
    }

    @Transactional
    public DeadLetter send(UUID id, String by) {
        DeadLetter letter = DeadLetter.<DeadLetter>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Dead letter " + id));
        if (letter.redrivenAt != null) {
            throw Refusal.conflict("dead-letter.redriven-already", "Dead letter " + id + " was re-driven already, at "
                    + letter.redrivenAt + " by " + letter.redrivenBy, "redrivenAt", letter.redrivenAt,
                    "redrivenBy", letter.redrivenBy).problem();
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(letter.sourceTopic, null, letter.recordKey, letter.value);
        for (DeadLetter.Header h : letter.headers) {
            if (!h.name().startsWith("dead-letter-")) {
                record.headers().add(h.name(), h.value() == null ? null : Base64.getDecoder().decode(h.value()));
            }
        }
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw ProblemException.unavailable("Kafka did not take the record back (" + e.getMessage()
                    + "); nothing was re-driven, try again", 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Instant now = Instant.now();
        letter.redrivenAt = now;
        letter.redrivenBy = by;
        Incident.<Incident>findByIdOptional(letter.incidentId).ifPresent(incident -> log.redriven(incident,
                SocLine.of("dead-letter.redriven", "record", letter.sourceRecord(), "topic", letter.sourceTopic), by, now));
        Log.infof("Dead letter %s (%s) re-driven to %s by %s", id, letter.keptAs(), letter.sourceTopic, by);
        return letter;
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = ReliableProducer.create(bootstrapServers, "dead-letter-redrive");
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}

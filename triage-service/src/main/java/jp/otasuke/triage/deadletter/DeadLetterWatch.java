package jp.otasuke.triage.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jp.otasuke.common.consumer.Pause;
import jp.otasuke.triage.TriageConfig;
import jp.otasuke.triage.incident.Incident;
import jp.otasuke.triage.incident.IncidentLog;
import jp.otasuke.triage.timeline.SocLine;

/**
 * Watches every dead-letter topic of the platform ({@code otasuke.*.dlq.*}, found by pattern as they appear): each
 * record is kept (once, by where it sits) with its reason and offsets, counted by a metric, and raised to the SOC as
 * one OPERATIONS incident per dead-letter topic and cause, which further records count on. No record falls into a
 * dead-letter topic in silence any more.
 */
@ApplicationScoped
public class DeadLetterWatch {

    private final TriageConfig config;
    private final IncidentLog log;
    private final MeterRegistry metrics;
    private volatile boolean stopping;

    DeadLetterWatch(TriageConfig config, IncidentLog log, MeterRegistry metrics) {
        this.config = config;
        this.log = log;
        this.metrics = metrics;
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming("dead-letters")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        Duration backoff = Pause.WHILE_AWAY.first();
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> records.forEach(this::keep));
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new IllegalStateException("Shutting down with dead letters not kept; they will be redelivered", e);
                }
                // keeping is idempotent (one row per dead-letter offset), so retrying the whole poll is safe
                Log.warnf("Could not keep %d dead letters (%s); retrying in %s", records.count(), e, backoff);
                Pause.sleep(backoff);
                backoff = Pause.WHILE_AWAY.next(backoff);
            }
        }
    }

    private void keep(ConsumerRecord<String, byte[]> record) {
        if (DeadLetter.count("dlqTopic = ?1 and dlqPartition = ?2 and dlqOffset = ?3", record.topic(), record.partition(),
                record.offset()) > 0) {
            return;
        }
        DeadLetter letter = new DeadLetter();
        letter.id = UUID.randomUUID();
        letter.dlqTopic = record.topic();
        letter.dlqPartition = record.partition();
        letter.dlqOffset = record.offset();
        int marker = record.topic().indexOf(".dlq.");
        letter.sourceTopic = header(record, "dead-letter-topic", marker < 0 ? record.topic() : record.topic().substring(0, marker));
        letter.consumerGroup = marker < 0 ? "?" : record.topic().substring(marker + ".dlq.".length());
        letter.sourcePartition = number(header(record, "dead-letter-partition", null)).map(Long::intValue).orElse(null);
        letter.sourceOffset = number(header(record, "dead-letter-offset", null)).orElse(null);
        letter.recordKey = record.key();
        letter.value = record.value();
        letter.headers = new ArrayList<>();
        for (Header h : record.headers()) {
            letter.headers.add(new DeadLetter.Header(h.key(), h.value() == null ? null : Base64.getEncoder().encodeToString(h.value())));
        }
        letter.reason = header(record, "dead-letter-reason", null);
        letter.cause = header(record, "dead-letter-exception-class-name", "unknown");
        letter.landedAt = Instant.ofEpochMilli(record.timestamp());
        letter.incidentId = raise(letter).id;
        letter.persist();
        metrics.counter("otasuke.dead.letters", "topic", letter.dlqTopic, "cause", letter.cause).increment();
    }

    /** The active operations incident of this topic and cause, told of one more record; a new one when none is active. */
    private Incident raise(DeadLetter letter) {
        String key = letter.dlqTopic + " " + letter.cause;
        // several triage instances may meet the same cause at once: one incident, by a lock on its key
        Incident.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, key)
                .getSingleResult();
        Instant now = Instant.now();
        List<Incident> open = Incident.<Incident>list("operationsKey = ?1 order by openedAt desc", key).stream()
                .filter(i -> i.status.isActive()).toList();
        if (open.isEmpty()) {
            Incident incident = Incident.forOperations(key, "Dead letters on " + letter.dlqTopic + ": " + simple(letter.cause),
                    line(letter).render(java.util.Locale.ENGLISH), config.operationsPriority(), now, config.ackDue().of(config.operationsPriority()));
            incident.persist();
            log.operationsOpened(incident, line(letter), now);
            Log.warnf("Operations incident %s: %s", incident.id, incident.title);
            return incident;
        }
        Incident incident = open.get(0);
        incident.anotherOperationsRecord(now);
        log.operationsRecord(incident, line(letter), now);
        return incident;
    }

    /** The SOC's line of a dead letter, rendered in the reader's language; in English it is the incident's description. */
    static SocLine line(DeadLetter letter) {
        return SocLine.of("dead-letter.landed", "record", letter.sourceRecord(), "recordKey", letter.recordKey,
                "group", letter.consumerGroup, "reason", letter.reason, "cause", letter.cause, "kept", letter.keptAs());
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name, String otherwise) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? otherwise : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static java.util.Optional<Long> number(String text) {
        try {
            return java.util.Optional.ofNullable(text).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}

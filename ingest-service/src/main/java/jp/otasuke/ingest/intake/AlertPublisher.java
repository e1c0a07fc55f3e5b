package jp.otasuke.ingest.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import jp.otasuke.common.config.SharedConfig;
import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.common.events.EventEnvelope;
import jp.otasuke.common.kafka.ReliableProducer;
import jp.otasuke.common.trace.TraceHeaders;

/**
 * Publishes alerts straight to Kafka (no outbox: ingest keeps no alert table) and returns only when Kafka
 * acknowledged every one of them ({@code acks=all}). That acknowledgement is what a 202 promises.
 */
@ApplicationScoped
public class AlertPublisher {

    /** Kafka did not acknowledge: the sensor must send the batch again (ids make that safe). */
    public static class KafkaUnavailable extends Exception {
        KafkaUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(20);
    private final KafkaProducer<String, byte[]> producer;
    /**
     * One batch at a time is handed to the producer. All of a tenant's alerts go to one partition, and Kafka appends
     * (and compresses) each record to that partition's batch under one lock: four request threads sending record by
     * record fought for it, and for the producer's own sender thread, at every record (JFR of one benchmark run: 175
     * waits of over 10 ms on it, 2.6 s in all, besides the shorter ones and the spinning, which no sample shows).
     * Taking turns a batch at a time, they meet once per request.
     */
    private final ReentrantLock sending = new ReentrantLock();

    AlertPublisher(SharedConfig config) {
        this.producer = ReliableProducer.create(config.kafka().bootstrapServers(), "ingest-alerts");
    }

    public void publishAll(List<AlertReceived> alerts) throws KafkaUnavailable {
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(alerts.size());
        String trace = TraceHeaders.current(); // the sensor's request: triage's consumer spans join its trace
        for (AlertReceived alert : alerts) { // written as JSON here, by each request's thread, not in turn
            ProducerRecord<String, byte[]> record = EventEnvelope.of(alert, "/ingest-service").toRecord();
            TraceHeaders.add(record.headers(), trace);
            records.add(record);
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        try {
            if (!sending.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new KafkaUnavailable("no turn to send within " + ACK_TIMEOUT.toSeconds() + " s", null);
            }
            try {
                for (ProducerRecord<String, byte[]> record : records) {
                    acks.add(producer.send(record));
                }
            } finally {
                sending.unlock();
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new KafkaUnavailable(e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new KafkaUnavailable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable("interrupted", e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

package jp.otasuke.ingest.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.common.events.EventEnvelope;
import jp.otasuke.common.kafka.ReliableProducer;

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

    AlertPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.producer = ReliableProducer.create(bootstrapServers, "ingest-alerts");
    }

    public void publishAll(List<AlertReceived> alerts) throws KafkaUnavailable {
        List<Future<RecordMetadata>> acks = new ArrayList<>(alerts.size());
        try {
            for (AlertReceived alert : alerts) {
                acks.add(producer.send(EventEnvelope.of(alert, "/ingest-service").toRecord()));
            }
            long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
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

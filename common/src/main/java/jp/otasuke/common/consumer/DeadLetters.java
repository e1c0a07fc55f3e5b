package jp.otasuke.common.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.quarkus.logging.Log;
import jp.otasuke.common.events.Topics;
import jp.otasuke.common.kafka.ReliableProducer;
import jp.otasuke.common.config.SharedConfig;

/**
 * Sends a record a consumer cannot apply to {@code <topic>.dlq.<consumer-group>}, with the error in the
 * same headers SmallRye's dead-letter strategy writes, so one reader serves every dead-letter topic.
 * Used by consumers that apply records in batches, where the channel's own strategy would send the
 * whole batch.
 */
@ApplicationScoped
public class DeadLetters {

    private final String bootstrapServers;
    private KafkaProducer<String, byte[]> producer;

    DeadLetters(SharedConfig config) {
        this.bootstrapServers = config.kafka().bootstrapServers();
    }

    /**
     * Blocks until the dead-letter topic has the record: the caller commits the offset afterwards, so the
     * record is never dropped on the floor.
     */
    public void send(ConsumerRecord<String, byte[]> record, String group, Throwable reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.deadLetter(record.topic(), group), null,
                record.key(), record.value(), record.headers());
        dead.headers().add("dead-letter-reason", bytes(String.valueOf(reason.getMessage())));
        dead.headers().add("dead-letter-exception-class-name", bytes(reason.getClass().getName()));
        dead.headers().add("dead-letter-topic", bytes(record.topic()));
        dead.headers().add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        dead.headers().add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        Duration backoff = Pause.WHILE_AWAY.first();
        while (true) {
            try {
                producer().send(dead).get(30, TimeUnit.SECONDS);
                Log.warnf("Record %s-%d@%d sent to %s: %s", record.topic(), record.partition(), record.offset(),
                        dead.topic(), reason.getMessage());
                return;
            } catch (ExecutionException | TimeoutException e) {
                Log.warnf("Dead-letter topic %s unreachable (%s); retrying in %s", dead.topic(), e.getMessage(), backoff);
                Pause.sleep(backoff);
                backoff = Pause.WHILE_AWAY.next(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while dead-lettering " + record.topic(), e);
            }
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = ReliableProducer.create(bootstrapServers, "dead-letters");
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

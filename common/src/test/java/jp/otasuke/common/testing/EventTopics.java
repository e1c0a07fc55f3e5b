package jp.otasuke.common.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import jp.otasuke.common.events.EventEnvelope;
import jp.otasuke.common.events.OtasukeEvent;
import jp.otasuke.common.kafka.ReliableProducer;
import jp.otasuke.infra.testing.TestServers;

/**
 * The tests' side of the real broker (shared by the services' tests through otasuke-common's test jar): publish
 * events as the other services do, read what the service under test published.
 */
public final class EventTopics {

    private static KafkaProducer<String, byte[]> producer;

    private EventTopics() {
    }

    /** Publishes events as their owning service would (CloudEvents envelope, partition key), in order. */
    public static void publish(OtasukeEvent... events) {
        for (OtasukeEvent event : events) {
            send(EventEnvelope.of(event, "/test").toRecord());
        }
    }

    public static synchronized void send(ProducerRecord<String, byte[]> record) {
        if (producer == null) {
            producer = ReliableProducer.create(TestServers.kafka().bootstrapServers(), "service-tests");
        }
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka refused a test record", e);
        }
    }

    /**
     * Records of a topic matching the filter, read from the start until {@code expected} are found (or 30 s
     * pass), and two seconds more to catch any record too many.
     */
    public static List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
            int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        Map<String, Object> config = Map.of("bootstrap.servers", TestServers.kafka().bootstrapServers(),
                "group.id", "test-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (found.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (filter.test(r)) {
                        found.add(r);
                    }
                });
            }
            // two seconds longer, so that a record too many (a duplicate) would be seen too
            long settle = System.currentTimeMillis() + 2_000;
            while (System.currentTimeMillis() < settle) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (filter.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    public static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}

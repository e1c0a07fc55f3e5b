package jp.otasuke.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.common.events.EventEnvelope;
import jp.otasuke.common.events.Topics;

/** Reads what ingest published on the alerts topic for one tenant (its key), as triage will. */
final class AlertsTopic {

    private AlertsTopic() {
    }

    static List<AlertReceived> read(String bootstrap, String tenantId, int expected) {
        return records(bootstrap, tenantId, expected).stream().map(r -> {
            try {
                return (AlertReceived) EventEnvelope.from(r).event().orElseThrow();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The records themselves, headers and all. */
    static List<ConsumerRecord<String, byte[]>> records(String bootstrap, String tenantId, int expected) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "alerts-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ALERTS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (found.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (tenantId.equals(r.key())) {
                        assertEquals("otasuke.alert.received.v1",
                                new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
                        found.add(r);
                    }
                }
            }
        }
        assertEquals(expected, found.size(), "alerts published for tenant " + tenantId);
        return found;
    }
}

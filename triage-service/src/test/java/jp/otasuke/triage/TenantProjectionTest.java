package jp.otasuke.triage;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.EventEnvelope;
import jp.otasuke.common.events.Enums.PlanType;
import jp.otasuke.common.events.Plan;
import jp.otasuke.common.events.Site;
import jp.otasuke.common.events.TenantUpserted;
import jp.otasuke.common.events.Topics;
import jp.otasuke.common.tenants.KnownTenant;
import jp.otasuke.infra.testing.RealInfrastructure;

/** The tenants consumer on real Kafka and PostgreSQL: applied once, poison to the DLQ, and it goes on. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class TenantProjectionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRedeliveredTenantEventChangesNothing() throws Exception {
        TenantUpserted osaka = osakaMachineShop("Osaka Seimitsu");
        send(EventEnvelope.of(osaka, "/test").toRecord());
        send(EventEnvelope.of(osaka, "/test").toRecord());
        TenantUpserted renamedMeanwhile = new TenantUpserted(UUID.randomUUID(), osaka.occurredAt().plusSeconds(1),
                osaka.tenantId(), "Osaka Seimitsu K.K.", osaka.industry(), osaka.contactEmail(), osaka.contactPhone(),
                osaka.site(), osaka.plan(), true);
        send(EventEnvelope.of(renamedMeanwhile, "/test").toRecord());
        send(EventEnvelope.of(osaka, "/test").toRecord()); // the old state again, redelivered late

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxEntries(osaka.tenantId(), renamedMeanwhile.eventId()) == 1);
        assertEquals(1, inboxEntries(osaka.tenantId(), osaka.eventId()));
        assertEquals("Osaka Seimitsu K.K.", QuarkusTransaction.requiringNew()
                .call(() -> KnownTenant.<KnownTenant>findById(osaka.tenantId()).name));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.TENANTS, "poison-" + UUID.randomUUID(),
                "{this is not an event".getBytes(StandardCharsets.UTF_8));
        send(poison);
        TenantUpserted after = osakaMachineShop("Sakai Printing");
        send(EventEnvelope.of(after, "/test").toRecord());

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> KnownTenant.findById(after.tenantId()) != null));
        List<ConsumerRecord<String, byte[]>> dead = deadLetters(poison.key());
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).headers().lastHeader("dead-letter-reason") != null, "the error travels in the headers");
    }

    private static TenantUpserted osakaMachineShop(String name) {
        return new TenantUpserted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), name, "manufacturing",
                "it@example.jp", "06-1234-5678", new Site("530-0001", "大阪府", "大阪市北区梅田1-1-1", 34.7025, 135.4959),
                new Plan(PlanType.COMBINED, 5, 20_000), true);
    }

    private long inboxEntries(UUID tenant, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) KnownTenant.getEntityManager()
                .createNativeQuery("select count(*) from inbox where consumer = 'triage-service' and event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    private void send(ProducerRecord<String, byte[]> record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "dlq-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.TENANTS, "triage-service")));
            long deadline = System.currentTimeMillis() + 30_000;
            while (found.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}

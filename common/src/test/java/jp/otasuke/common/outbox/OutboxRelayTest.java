package jp.otasuke.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.otasuke.common.events.EventCatalog;
import jp.otasuke.common.events.EventEnvelope;
import jp.otasuke.common.events.IncidentClosed;
import jp.otasuke.common.events.OtasukeEvent;
import jp.otasuke.common.events.SampleEvents;
import jp.otasuke.common.events.Topics;
import jp.otasuke.common.inbox.InboxStore;
import jp.otasuke.infra.testing.TestServers;

/** The outbox relay and the inbox on real PostgreSQL and a real Kafka broker. */
class OutboxRelayTest {

    private static final Duration LEASE = Duration.ofSeconds(2);

    private Database db;
    private KafkaProducer<String, byte[]> producer;

    /**
     * The topic exists with a leader for every partition before anything is published, as the operator or the
     * services' TopicProvisioner make it: left to the broker's auto-creation, a fresh CI run once had one partition's
     * batch wait 120 s unsent (2026-12-07).
     */
    @BeforeAll
    static void theIncidentsTopicExists() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestServers.kafka().bootstrapServers()))) {
            try {
                admin.createTopics(List.of(new NewTopic(Topics.INCIDENTS, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            long deadline = System.currentTimeMillis() + 30_000;
            while (!admin.describeTopics(List.of(Topics.INCIDENTS)).allTopicNames().get(10, TimeUnit.SECONDS).get(Topics.INCIDENTS)
                    .partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(Topics.INCIDENTS + " has a partition without a leader after 30 s");
                }
                Thread.sleep(100);
            }
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        db = Database.fresh("outbox_test");
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("create table closures (incident_id uuid not null)");
        }
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestServers.kafka().bootstrapServers(),
                "acks", "all", "enable.idempotence", true), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void publishesWrittenEventsInOrderAndMarksThemSent() throws Exception {
        UUID incident = UUID.randomUUID();
        List<OtasukeEvent> written = List.of(closed(incident), closed(incident), closed(incident));
        for (OtasukeEvent e : written) {
            append(e);
        }
        OutboxRelay relay = relay(db, producer);

        assertEquals(3, relay.relayBatch());
        assertEquals(0, relay.relayBatch());
        assertEquals(0, relay.backlog());

        List<String> ids = consume(incident, 3).stream()
                .map(r -> new String(r.headers().lastHeader("ce_id").value())).toList();
        assertEquals(written.stream().map(e -> e.eventId().toString()).toList(), ids);
    }

    @Test
    void anEventIsPublishedInTheTraceItWasWrittenIn() throws Exception {
        UUID incident = UUID.randomUUID();
        String traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        append(closed(incident), traceParent);

        assertEquals(1, relay(db, producer).relayBatch());

        ConsumerRecord<String, byte[]> published = consume(incident, 1).get(0);
        assertEquals(traceParent, new String(published.headers().lastHeader("traceparent").value()));
    }

    @Test
    void aRelayKilledBetweenPublishAndMarkPublishesAgainAndTheConsumerAppliesItOnce() throws Exception {
        UUID incident = UUID.randomUUID();
        append(closed(incident));

        OutboxRelay dying = relay(db.dyingBeforeMarkingSent(), producer);
        assertThrows(java.sql.SQLException.class, dying::relayBatch);
        OutboxRelay restarted = relay(db, producer);
        assertEquals(0, restarted.relayBatch(), "the dead relay's lane is leased to it until its lease ends");
        Thread.sleep(LEASE.toMillis() + 200);
        assertEquals(1, restarted.relayBatch());

        List<ConsumerRecord<String, byte[]>> delivered = consume(incident, 2);
        assertEquals(2, delivered.size(), "published twice: once by the dying relay, once after the restart");
        delivered.forEach(this::applyOnce);
        assertEquals(1, closuresOf(incident));

        delivered.forEach(this::applyOnce); // Kafka redelivers after a consumer crash: nothing changes
        assertEquals(1, closuresOf(incident));
    }

    @Test
    void whileOneRelayWaitsForKafkaAnotherPublishesTheOtherLanesAndEachKeyStaysInOrder() throws Exception {
        List<UUID> incidents = new ArrayList<>();
        Map<UUID, List<String>> written = new java.util.HashMap<>();
        for (int i = 0; i < 32; i++) {
            UUID incident = UUID.randomUUID();
            incidents.add(incident);
            for (int n = 0; n < 3; n++) {
                OtasukeEvent event = closed(incident);
                append(event);
                written.computeIfAbsent(incident, k -> new ArrayList<>()).add(event.eventId().toString());
            }
        }
        java.util.concurrent.CountDownLatch stuck = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        OutboxRelay slow = relay(db, heldAtFlush(producer, stuck, release));
        java.util.concurrent.Future<Integer> slowRound = java.util.concurrent.Executors.newSingleThreadExecutor().submit(slow::relayBatch);
        stuck.await();

        OutboxRelay other = relay(db, producer);
        int meanwhile = other.relayBatch();
        release.countDown();
        int byTheSlowOne = slowRound.get();
        while (other.relayBatch() > 0) {
            // the rest, now that the lanes are handed back
        }

        assertTrue(meanwhile > 0, "the second relay published while the first one waited for Kafka");
        assertTrue(byTheSlowOne > 0);
        assertEquals(0, other.backlog());
        Map<UUID, List<String>> published = consumeAll(incidents, 96);
        assertEquals(written, published, "every event once, each incident's in the order written");
    }

    /** The real producer, but the first flush waits until the test lets it go: a relay caught in the middle of a batch. */
    @SuppressWarnings("unchecked")
    private static org.apache.kafka.clients.producer.Producer<String, byte[]> heldAtFlush(KafkaProducer<String, byte[]> real,
            java.util.concurrent.CountDownLatch stuck, java.util.concurrent.CountDownLatch release) {
        return (org.apache.kafka.clients.producer.Producer<String, byte[]>) java.lang.reflect.Proxy.newProxyInstance(
                OutboxRelayTest.class.getClassLoader(), new Class<?>[] {org.apache.kafka.clients.producer.Producer.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("flush") && stuck.getCount() > 0) {
                        stuck.countDown();
                        release.await();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static OutboxRelay relay(javax.sql.DataSource dataSource, org.apache.kafka.clients.producer.Producer<String, byte[]> producer) {
        return new OutboxRelay(dataSource, producer, 500, 8, Duration.ofSeconds(10), LEASE);
    }

    private static OtasukeEvent closed(UUID incident) {
        IncidentClosed sample = (IncidentClosed) SampleEvents.of(EventCatalog.INCIDENT_CLOSED);
        return new IncidentClosed(UUID.randomUUID(), sample.occurredAt(), incident, sample.tenantId(), "soc-1");
    }

    private void append(OtasukeEvent event) throws Exception {
        append(event, null);
    }

    private void append(OtasukeEvent event, String traceParent) throws Exception {
        try (Connection c = db.getConnection()) {
            OutboxStore.append(c, EventEnvelope.of(event, "/outbox-test"), traceParent);
        }
    }

    /** A consumer's effect and its inbox entry in one transaction. */
    private void applyOnce(ConsumerRecord<String, byte[]> record) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            IncidentClosed event = (IncidentClosed) EventEnvelope.from(record).event().orElseThrow();
            if (InboxStore.firstTime(c, "outbox-test", event.eventId())) {
                try (PreparedStatement s = c.prepareStatement("insert into closures values (?)")) {
                    s.setObject(1, event.incidentId());
                    s.executeUpdate();
                }
            }
            c.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int closuresOf(UUID incident) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from closures where incident_id = ?")) {
            s.setObject(1, incident);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Map<UUID, List<String>> consumeAll(List<UUID> incidents, int expected) {
        Map<String, Object> config = Map.of("bootstrap.servers", TestServers.kafka().bootstrapServers(),
                "group.id", "outbox-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest");
        Map<UUID, List<String>> byIncident = new java.util.HashMap<>();
        int seen = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(EventCatalog.INCIDENT_CLOSED.topic()));
            long deadline = System.currentTimeMillis() + 30_000;
            while (seen < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    UUID key = UUID.fromString(r.key());
                    if (incidents.contains(key)) {
                        byIncident.computeIfAbsent(key, k -> new ArrayList<>()).add(new String(r.headers().lastHeader("ce_id").value()));
                        seen++;
                    }
                }
            }
        }
        return byIncident;
    }

    private List<ConsumerRecord<String, byte[]>> consume(UUID incident, int expected) {
        Map<String, Object> config = Map.of("bootstrap.servers", TestServers.kafka().bootstrapServers(),
                "group.id", "outbox-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(EventCatalog.INCIDENT_CLOSED.topic()));
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.key().equals(incident.toString())) {
                        records.add(r);
                    }
                });
            }
        }
        return records;
    }
}

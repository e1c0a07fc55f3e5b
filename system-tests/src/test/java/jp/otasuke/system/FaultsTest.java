package jp.otasuke.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import jp.otasuke.infra.platform.PackagedService;
import jp.otasuke.infra.testing.TestServers;

/**
 * Faults survived, nothing lost: while a sensor keeps sending, the broker restarts, triage is killed, a poison
 * record arrives, PostgreSQL restarts. Every alert that got 202 must end up in an incident exactly once. Each
 * test prints what it counted (sent, accepted, stored), for the record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    private final SystemPlatform platform = SystemPlatform.get();

    @Test
    @Order(1)
    void theBrokerStopsAndRestartsWhileASensorKeepsSending() throws Exception {
        Sensors sme = Sensors.onboard(platform.endpoints().ingest());
        Sensors.Stream stream = sme.stream("kafka-restart", 50);
        stream.start();
        Thread.sleep(4_000);
        TestServers.kafka().stop();
        Thread.sleep(20_000); // longer than ingest's 15 s delivery timeout: some alerts must be refused (503)
        TestServers.kafka().start();
        Thread.sleep(6_000);
        stream.finish();

        long stored = platform.storedAlerts(sme.tenantId, "kafka-restart", stream.accepted.get());
        report("Kafka stopped 20 s and restarted", stream, stored, sme.tenantId);
        assertTrue(stream.refused.get() > 0, "ingest refused (503) what Kafka could not take within its delivery timeout");
        assertEquals(stream.accepted.get(), stored);
        assertEquals(stream.accepted.get(), platform.alertsCounted(sme.tenantId), "each accepted alert counted once");
    }

    @Test
    @Order(2)
    void triageIsKilledMidStreamAndRestarted() throws Exception {
        Sensors sme = Sensors.onboard(platform.endpoints().ingest());
        Sensors.Stream stream = sme.stream("triage-kill", 20);
        stream.start();
        Thread.sleep(4_000);
        platform.kill(PackagedService.TRIAGE);
        Thread.sleep(3_000);
        platform.start(PackagedService.TRIAGE);
        platform.awaitReady(PackagedService.TRIAGE);
        Thread.sleep(3_000);
        stream.finish();

        long stored = platform.storedAlerts(sme.tenantId, "triage-kill", stream.accepted.get());
        report("triage SIGKILLed mid-stream and restarted", stream, stored, sme.tenantId);
        assertEquals(stream.accepted.get(), stored);
        assertEquals(stored, platform.count("triage", "select count(distinct id) from incident_alert where tenant_id = '"
                + sme.tenantId + "'"));
        assertEquals(stream.accepted.get(), platform.alertsCounted(sme.tenantId), "no alert counted twice");
        assertEquals(5, platform.count("triage", "select count(*) from incident where tenant_id = '" + sme.tenantId + "'"),
                "one incident per host: the redelivered batch opened no duplicate");
    }

    @Test
    @Order(3)
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheFlowGoesOn() throws Exception {
        Sensors sme = Sensors.onboard(platform.endpoints().ingest());
        String poisonKey = sme.tenantId.toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestServers.kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("otasuke.alerts.v1", poisonKey, "{\"not\":\"a CloudEvent\"".getBytes(
                    StandardCharsets.UTF_8))).get();
        }
        Sensors.Stream stream = sme.stream("after-poison", 50);
        stream.start();
        Thread.sleep(3_000);
        stream.finish();

        long stored = platform.storedAlerts(sme.tenantId, "after-poison", stream.accepted.get());
        report("a poison record on the alerts topic", stream, stored, sme.tenantId);
        assertEquals(stream.accepted.get(), stored);
        assertEquals(1, deadLetters("otasuke.alerts.v1.dlq.triage-service", poisonKey));
    }

    @Test
    @Order(4)
    void postgresRestartsAndTheServicesRecoverWithoutARestartOfTheirOwn() throws Exception {
        Sensors sme = Sensors.onboard(platform.endpoints().ingest());
        Sensors.Stream stream = sme.stream("pg-restart", 50);
        stream.start();
        Thread.sleep(3_000);
        TestServers.postgres().stop();
        Thread.sleep(5_000);
        TestServers.postgres().start();
        Thread.sleep(12_000);
        stream.finish();

        long stored = platform.storedAlerts(sme.tenantId, "pg-restart", stream.accepted.get());
        report("PostgreSQL stopped 5 s and restarted", stream, stored, sme.tenantId);
        assertEquals(stream.accepted.get(), stored);
        assertEquals(stream.accepted.get(), platform.alertsCounted(sme.tenantId));
        for (PackagedService service : PackagedService.ALL) {
            jp.otasuke.infra.process.Wait.until(service.name() + " ready again", Duration.ofSeconds(60),
                    () -> jp.otasuke.infra.process.Http.answersOk(platform.managementUrl(service) + "/q/health/ready"), () -> true,
                    s -> { });
        }
    }

    @Test
    @Order(5)
    void anAcknowledgeDeadlineThatPassesWhileTriageIsDownIsFlaggedAfterItsRestart() throws Exception {
        Sensors sme = Sensors.onboard(platform.endpoints().ingest());
        assertTrue(sme.send("sla-restart-1", "POLICY", "LOW", "pc-sla"), "a P4 alert (acknowledge due in 15 s here)");
        String incident = "select count(*) from incident where tenant_id = '" + sme.tenantId + "'";
        for (int i = 0; i < 120 && platform.count("triage", incident) == 0; i++) {
            Thread.sleep(500);
        }
        platform.kill(PackagedService.TRIAGE);
        Thread.sleep(20_000); // the deadline passes while no triage runs
        assertEquals(0, platform.count("triage", incident + " and sla_breached"));
        platform.start(PackagedService.TRIAGE);
        platform.awaitReady(PackagedService.TRIAGE);

        long breached = 0;
        for (int i = 0; i < 60 && breached == 0; i++) {
            Thread.sleep(500);
            breached = platform.count("triage", incident + " and sla_breached and acknowledged_at is null");
        }
        System.out.printf("FAULT triage down while an acknowledge deadline passed: incidents %d, flagged after restart %d%n",
                platform.count("triage", incident), breached);
        assertEquals(1, breached);
    }

    private static void report(String fault, Sensors.Stream stream, long stored, UUID tenant) {
        System.out.printf("FAULT %s: sent %d, accepted %d, refused %d (retry-able), stored in incidents %d (tenant %s)%n",
                fault, stream.sent(), stream.accepted.get(), stream.refused.get(), stored, tenant);
    }

    private static int deadLetters(String topic, String key) {
        int found = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                TestServers.kafka().bootstrapServers(), "group.id", "dlq-check-" + UUID.randomUUID(), "auto.offset.reset",
                "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (found == 0 && System.currentTimeMillis() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        found++;
                    }
                }
            }
        }
        return found;
    }
}

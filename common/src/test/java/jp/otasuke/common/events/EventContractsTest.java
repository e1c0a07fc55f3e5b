package jp.otasuke.common.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class EventContractsTest {

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void everyEventRoundTripsThroughItsJson(EventCatalog entry) throws IOException {
        OtasukeEvent event = SampleEvents.of(entry);

        byte[] json = EventJson.write(event);

        assertEquals(event, EventJson.read(json, entry.eventClass()));
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void everyEventTravelsAsACloudEventInBinaryMode(EventCatalog entry) throws IOException {
        OtasukeEvent event = SampleEvents.of(entry);

        ProducerRecord<String, byte[]> sent = EventEnvelope.of(event, "/test-service").toRecord();
        EventEnvelope received = EventEnvelope.from(consumed(sent));

        assertEquals(entry.topic(), sent.topic());
        assertEquals(event.partitionKey(), sent.key());
        assertEquals("1.0", header(sent, "ce_specversion"));
        assertEquals(event.eventId().toString(), header(sent, "ce_id"));
        assertEquals(entry.type(), header(sent, "ce_type"));
        assertEquals("/test-service", header(sent, "ce_source"));
        assertEquals(event.subjectId(), header(sent, "ce_subject"));
        assertEquals(event.occurredAt().toString(), header(sent, "ce_time"));
        assertEquals("application/json", header(sent, "content-type"));
        assertEquals(event, received.event().orElseThrow());
    }

    @Test
    void aFieldAddedByANewerProducerIsIgnored() throws IOException {
        OtasukeEvent event = SampleEvents.of(EventCatalog.INCIDENT_CLOSED);
        String json = new String(EventJson.write(event), StandardCharsets.UTF_8);
        String newer = json.substring(0, json.length() - 1) + ",\"closedReason\":\"added later\"}";

        assertEquals(event, EventJson.read(newer.getBytes(StandardCharsets.UTF_8), IncidentClosed.class));
    }

    @Test
    void anEventTypeThisVersionDoesNotKnowIsSkippedNotFailed() throws IOException {
        EventEnvelope future = new EventEnvelope(UUID.randomUUID(), "otasuke.incident.escalated.v2", "/x", "s",
                java.time.Instant.now(), Topics.INCIDENTS, "k", "{}".getBytes(StandardCharsets.UTF_8));

        assertFalse(future.event().isPresent());
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsRefused() {
        ConsumerRecord<String, byte[]> poison = new ConsumerRecord<>(Topics.TENANTS, 0, 0, "k",
                "not an event".getBytes(StandardCharsets.UTF_8));

        assertThrows(IOException.class, () -> EventEnvelope.from(poison));
    }

    @Test
    void typesAreVersionedAndUnique() {
        for (EventCatalog entry : EventCatalog.values()) {
            assertTrue(entry.type().matches("otasuke\\.[a-z]+\\.[a-z-]+\\.v\\d+"), entry.type());
            assertEquals(entry, EventCatalog.ofType(entry.type()).orElseThrow());
        }
    }

    @Test
    void moneyAndTimesKeepTheirExactValues() throws IOException {
        DispatchJobCompleted completed = (DispatchJobCompleted) SampleEvents.of(EventCatalog.DISPATCH_JOB_COMPLETED);
        String json = new String(EventJson.write(completed), StandardCharsets.UTF_8);

        assertTrue(json.contains("\"totalYen\":1234567"), json);
        assertTrue(json.contains("\"completedAt\":\"2026-11-25T01:02:03.456789Z\""), json);
        assertArrayEquals(EventJson.write(completed),
                EventJson.write(EventJson.read(json.getBytes(StandardCharsets.UTF_8), DispatchJobCompleted.class)));
    }

    static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, sent.key(),
                sent.value(), new RecordHeaders(sent.headers().toArray()), java.util.Optional.empty());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

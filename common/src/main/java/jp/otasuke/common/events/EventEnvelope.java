package jp.otasuke.common.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An event as it travels: CloudEvents 1.0 in Kafka binary mode ({@code ce_*} headers, the JSON data as
 * the record value, the partition key as the record key).
 */
public record EventEnvelope(UUID id, String type, String source, String subject, Instant time, String topic,
        String key, byte[] data) {

    public static final String SPEC_VERSION = "1.0";

    /** Wraps an event for publication by the service named {@code source} (e.g. "/ingest-service"). */
    public static EventEnvelope of(OtasukeEvent event, String source) {
        EventCatalog entry = EventCatalog.of(event);
        return new EventEnvelope(event.eventId(), entry.type(), source, event.subjectId(), event.occurredAt(),
                entry.topic(), event.partitionKey(), EventJson.write(event));
    }

    public ProducerRecord<String, byte[]> toRecord() {
        Headers headers = new RecordHeaders();
        headers.add("ce_specversion", bytes(SPEC_VERSION));
        headers.add("ce_id", bytes(id.toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes(source));
        headers.add("ce_time", bytes(IsoInstant.format(time)));
        if (subject != null) {
            headers.add("ce_subject", bytes(subject));
        }
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(topic, null, key, data, headers);
    }

    /**
     * Reads the envelope of a consumed record.
     *
     * @throws IOException when the record is not a CloudEvent of ours (missing or malformed headers)
     */
    public static EventEnvelope from(ConsumerRecord<String, byte[]> record) throws IOException {
        String id = header(record.headers(), "ce_id").orElseThrow(() -> new IOException("no ce_id header"));
        String type = header(record.headers(), "ce_type").orElseThrow(() -> new IOException("no ce_type header"));
        try {
            return new EventEnvelope(UUID.fromString(id), type, header(record.headers(), "ce_source").orElse(null),
                    header(record.headers(), "ce_subject").orElse(null),
                    header(record.headers(), "ce_time").map(Instant::parse).orElse(null), record.topic(),
                    record.key(), record.value());
        } catch (RuntimeException e) {
            throw new IOException("malformed CloudEvents headers: " + e.getMessage(), e);
        }
    }

    /**
     * What a consumer needs of a record: the event, or empty when its type is one this version does not know.
     * Reads only the id and type headers (a consumer reads thousands of records a second, and the other
     * attributes repeat what the event itself says).
     *
     * @throws IOException when the record is not a CloudEvent of ours or its data cannot be read
     */
    public static Optional<OtasukeEvent> eventIn(ConsumerRecord<String, byte[]> record) throws IOException {
        if (record.headers().lastHeader("ce_id") == null) {
            throw new IOException("no ce_id header");
        }
        String type = header(record.headers(), "ce_type").orElseThrow(() -> new IOException("no ce_type header"));
        return event(type, record.value());
    }

    /** The event, or empty when its type is one this version does not know (a newer producer's). */
    public Optional<OtasukeEvent> event() throws IOException {
        return event(type, data);
    }

    private static Optional<OtasukeEvent> event(String type, byte[] data) throws IOException {
        Optional<EventCatalog> entry = EventCatalog.ofType(type);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (data == null) {
            throw new IOException("no data for " + type);
        }
        return Optional.of(EventJson.read(data, entry.get().eventClass()));
    }

    private static Optional<String> header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

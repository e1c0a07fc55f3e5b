package jp.otasuke.common.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An event of the platform. The JSON of each record is the contract between services: a field is
 * added, never renamed or removed. Every event says what it is about ({@link #subject()}) and which
 * key keeps its story in order on its topic ({@link #partitionKey()}).
 */
public interface OtasukeEvent {

    UUID eventId();

    Instant occurredAt();

    /** The id of the thing the event is about (the CloudEvents {@code subject}). */
    @JsonIgnore
    String subjectId();

    /** The Kafka key: tenant id for alerts, consultations and tenants; incident id for the rest. */
    @JsonIgnore
    String partitionKey();
}

package jp.otasuke.common.inbox;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;

import io.quarkus.logging.Log;
import jp.otasuke.common.events.EventEnvelope;
import jp.otasuke.common.events.OtasukeEvent;

/**
 * The consumer side of never-lose-never-double: an event is applied once per consumer, in the same
 * transaction as its effect. Redelivery after a crash is normal Kafka behaviour and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True the first time this consumer sees the id (and records it in the current transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, UUID eventId) {
        return entityManager.unwrap(Session.class)
                .doReturningWork(connection -> InboxStore.firstTime(connection, consumer, eventId));
    }

    /**
     * The event of a consumed record if this consumer has not applied it yet; empty for a duplicate or a
     * type this version does not know.
     *
     * @throws IOException when the record is not a readable event of ours: the channel's failure
     *         strategy sends it to the dead-letter topic and the consumer goes on
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OtasukeEvent> accept(String consumer, ConsumerRecord<String, byte[]> record) throws IOException {
        EventEnvelope envelope = EventEnvelope.from(record);
        Optional<OtasukeEvent> event = envelope.event();
        if (event.isEmpty()) {
            Log.debugf("Skipping unknown event type %s (%s)", envelope.type(), envelope.id());
            return Optional.empty();
        }
        if (!firstTime(consumer, envelope.id())) {
            Log.debugf("Skipping event %s already applied by %s", envelope.id(), consumer);
            return Optional.empty();
        }
        return event;
    }
}

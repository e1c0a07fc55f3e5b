package jp.otasuke.common.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

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
}

package jp.otasuke.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import jp.otasuke.common.events.EventEnvelope;
import jp.otasuke.common.events.OtasukeEvent;

/**
 * Announces a change: the event is written to the outbox in the caller's transaction, so it exists if
 * and only if the change was committed. The relay publishes it right after the commit.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelayWorker relay;
    private final String source;

    Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, OutboxRelayWorker relay,
            @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.relay = relay;
        this.source = "/" + serviceName;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(OtasukeEvent event) {
        EventEnvelope envelope = EventEnvelope.of(event, source);
        entityManager.unwrap(Session.class).doWork(connection -> OutboxStore.append(connection, envelope));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}

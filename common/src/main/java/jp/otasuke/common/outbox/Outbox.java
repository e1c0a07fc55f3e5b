package jp.otasuke.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import jp.otasuke.common.events.EventEnvelope;
import jp.otasuke.common.events.OtasukeEvent;
import jp.otasuke.common.tx.AfterCommit;
import jp.otasuke.common.config.SharedConfig;
import jp.otasuke.common.trace.TraceHeaders;

/**
 * Announces a change: the event is written to the outbox in the caller's transaction, so it exists if
 * and only if the change was committed. The relay publishes it right after the commit.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final AfterCommit afterCommit;
    private final OutboxRelayWorker relay;
    private final String source;

    Outbox(EntityManager entityManager, AfterCommit afterCommit, OutboxRelayWorker relay, SharedConfig config) {
        this.entityManager = entityManager;
        this.afterCommit = afterCommit;
        this.relay = relay;
        this.source = "/" + config.serviceName();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(OtasukeEvent event) {
        EventEnvelope envelope = EventEnvelope.of(event, source);
        String trace = TraceHeaders.current(); // the request's or the consumed record's, for the record's headers
        entityManager.unwrap(Session.class).doWork(connection -> OutboxStore.append(connection, envelope, trace));
        afterCommit.run(relay::wake);
    }
}

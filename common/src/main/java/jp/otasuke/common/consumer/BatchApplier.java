package jp.otasuke.common.consumer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jp.otasuke.common.events.EventEnvelope;
import jp.otasuke.common.events.OtasukeEvent;
import jp.otasuke.common.inbox.Inbox;
import jp.otasuke.common.config.SharedConfig;
import jp.otasuke.common.trace.TraceHeaders;

/**
 * Applies a batch of consumed records in one transaction, which is what lets a consumer keep up with
 * thousands of records a second. Three things can go wrong, each handled so that a partition never
 * stalls and nothing is lost:
 * <ul>
 * <li>a record is not a readable event of ours: it goes to the dead-letter topic before the batch runs;
 * <li>the database is away (restart, failover): the batch waits and retries until it is back;
 * <li>one record breaks the transaction: the batch is applied again record by record, and only the record
 * that fails by itself goes to the dead-letter topic.
 * </ul>
 * Applying twice must be harmless (the effect deduplicates by event id), because Kafka redelivers after a
 * crash.
 * <p>
 * Each record written in a trace (its {@code traceparent} header) gets a consumer span in that trace while its batch
 * is applied. What an effect publishes for one event goes out in that event's trace when the effect runs event by
 * event ({@link #applyEach}, {@link #applyEachOnce}) or the batch holds one record; an effect over a batch of many
 * (triage's correlation) continues none of them.
 */
@ApplicationScoped
public class BatchApplier {

    private final DeadLetters deadLetters;
    private final Inbox inbox;
    private final Tracer tracer;
    private final String group;
    /** The consumer spans of the batch this thread is applying, by event, for effects that run event by event. */
    private final ThreadLocal<Map<Object, Span>> spansOfBatch = ThreadLocal.withInitial(IdentityHashMap::new);
    private volatile boolean stopping;

    /** Every service consumes as the consumer group named after itself. */
    BatchApplier(DeadLetters deadLetters, Inbox inbox, Tracer tracer, SharedConfig config) {
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.tracer = tracer;
        this.group = config.serviceName();
    }

    /** On shutdown a batch stops waiting for the database: it stays uncommitted and is redelivered after restart. */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** An event together with the record it came in, for the dead-letter topic if it must go there. */
    public record Consumed<E>(ConsumerRecord<String, byte[]> record, E event) {
    }

    /**
     * @param records what one poll returned
     * @param type    the events this consumer applies; other types on the topic are skipped
     * @param effect  applies events in the current transaction
     */
    public <E extends OtasukeEvent> void apply(Iterable<ConsumerRecord<String, byte[]>> records, Class<E> type,
            Consumer<List<E>> effect) {
        List<Consumed<E>> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            read(record, type).ifPresent(event -> events.add(new Consumed<>(record, event)));
        }
        if (events.isEmpty()) {
            return;
        }
        Map<Object, Span> spans = spansOfBatch.get();
        events.forEach(one -> consumerSpan(one.record()).ifPresent(span -> spans.put(one.event(), span)));
        try (Scope scope = events.size() == 1 && !spans.isEmpty() ? spans.values().iterator().next().makeCurrent() : Scope.noop()) {
            if (tryApply(events, effect).isPresent()) {
                Log.warnf("A batch of %d %s records failed; applying them one by one", events.size(), group);
                for (Consumed<E> one : events) {
                    applyAlone(one, effect);
                }
            }
        } finally {
            spans.values().forEach(Span::end);
            spans.clear();
        }
    }

    private Optional<Span> consumerSpan(ConsumerRecord<String, byte[]> record) {
        Context written = TraceHeaders.of(record.headers());
        if (!Span.fromContext(written).getSpanContext().isValid()) {
            return Optional.empty();
        }
        return Optional.of(tracer.spanBuilder(record.topic() + " process").setParent(written).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", group)
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset()).startSpan());
    }

    /** Runs an event's effect in its record's trace, if it came in one. */
    private <E> void inItsTrace(E event, Consumer<E> effect) {
        Span span = spansOfBatch.get().get(event);
        if (span == null) {
            effect.accept(event);
            return;
        }
        try (Scope scope = span.makeCurrent()) {
            effect.accept(event);
        }
    }

    /**
     * {@link #apply} for an effect that takes one event at a time (and is idempotent by itself): each runs in the trace
     * of the record it came in, so what it publishes goes on in that trace.
     */
    public <E extends OtasukeEvent> void applyEach(Iterable<ConsumerRecord<String, byte[]>> records, Class<E> type,
            Consumer<E> effect) {
        apply(records, type, events -> events.forEach(event -> inItsTrace(event, effect)));
    }

    /**
     * {@link #apply} for an effect that is not idempotent by itself (a notice, a timeline line): each event is applied
     * once per consumer, recorded in the inbox in the batch's transaction.
     */
    public <E extends OtasukeEvent> void applyEachOnce(Iterable<ConsumerRecord<String, byte[]>> records, Class<E> type,
            Consumer<E> effect) {
        apply(records, type, events -> events.stream().filter(event -> inbox.firstTime(group, event.eventId()))
                .forEach(event -> inItsTrace(event, effect)));
    }

    private <E extends OtasukeEvent> Optional<E> read(ConsumerRecord<String, byte[]> record, Class<E> type) {
        try {
            return EventEnvelope.eventIn(record).filter(type::isInstance).map(type::cast);
        } catch (IOException | RuntimeException e) {
            deadLetters.send(record, group, e);
            return Optional.empty();
        }
    }

    private <E extends OtasukeEvent> void applyAlone(Consumed<E> one, Consumer<List<E>> effect) {
        // the dead letter carries the real cause: what the SOC's operations notice groups by and shows
        tryApply(List.of(one), effect).ifPresent(cause -> deadLetters.send(one.record(), group, Failures.rootCause(cause)));
    }

    /** Empty once applied; the failure when it fails for a reason that waiting will not cure. */
    private <E extends OtasukeEvent> Optional<RuntimeException> tryApply(List<Consumed<E>> events, Consumer<List<E>> effect) {
        List<E> plain = events.stream().map(Consumed::event).toList();
        Duration backoff = Pause.WHILE_AWAY.first();
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> effect.accept(plain));
                return Optional.empty();
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new IllegalStateException("Shutting down with a batch not applied; it will be redelivered", e);
                }
                if (!Failures.isTransient(e)) {
                    Log.warnf("Applying %d events failed: %s", plain.size(), Failures.describe(e));
                    return Optional.of(e);
                }
                Log.warnf("Database unavailable (%s); retrying the batch in %s", Failures.describe(e), backoff);
                Pause.sleep(backoff);
                backoff = Pause.WHILE_AWAY.next(backoff);
            }
        }
    }
}

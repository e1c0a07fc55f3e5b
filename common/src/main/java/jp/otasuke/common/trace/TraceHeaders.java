package jp.otasuke.common.trace;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context in the Kafka records the platform writes and reads with plain clients (the alert producer,
 * the outbox relay, the batch consumers), where no library carries it: the same {@code traceparent} header that
 * SmallRye's instrumented channels use.
 */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return () -> java.util.Arrays.stream(headers.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceHeaders() {
    }

    /** The current trace as a {@code traceparent} value, or null outside any trace. */
    public static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    public static void add(Headers headers, String traceParent) {
        if (traceParent != null) {
            headers.remove(TRACEPARENT);
            headers.add(TRACEPARENT, traceParent.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The trace a consumed record was written in (the root context when it carries none). */
    public static Context of(Headers headers) {
        return W3C.extract(Context.root(), headers, GETTER);
    }
}

package jp.otasuke.triage.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.EventEnvelope;
import jp.otasuke.common.events.Enums.Severity;
import jp.otasuke.common.events.Topics;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.triage.Alerts;

/**
 * One trace from a sensor's request to the SOC: an alert ingest published in the request's trace (its traceparent
 * header, as ingest's AlertIntakeTest shows it written) is applied in a consumer span of that trace, and the incident
 * it opens is published in it too, its parent that consumer span.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class AlertTraceTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String INGEST_SPAN = "b7ad6b7169203331";

    @Test
    void theIncidentAnAlertOpensIsPublishedInTheSensorsTraceUnderTriagesConsumerSpan() {
        UUID tenant = UUID.randomUUID();
        // not sampled (flags 00): nothing is recorded or exported here, the trace's ids travel all the same
        ProducerRecord<String, byte[]> alert = EventEnvelope.of(Alerts.of(tenant).host("pc-trace").malware(Severity.HIGH), "/ingest-service")
                .toRecord();
        alert.headers().add("traceparent", ("00-" + TRACE + "-" + INGEST_SPAN + "-00").getBytes(StandardCharsets.UTF_8));
        EventTopics.send(alert);

        List<ConsumerRecord<String, byte[]>> opened = EventTopics.read(Topics.INCIDENTS,
                r -> "otasuke.incident.opened.v1".equals(EventTopics.type(r)) && traceParent(r).contains(TRACE), 1);

        String[] published = traceParent(opened.get(0)).split("-");
        assertEquals(TRACE, published[1], "the sensor's trace");
        assertNotEquals(INGEST_SPAN, published[2], "its parent is triage's consumer span, a child of ingest's");
    }

    private static String traceParent(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("traceparent");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}

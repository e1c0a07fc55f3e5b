package jp.otasuke.common.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import net.jpountz.util.Native;

/**
 * The producer every never-lose path uses: {@code acks=all} and idempotence (no duplicates from retries,
 * order kept per partition), with bounded waits so that a missing broker is reported within seconds
 * instead of blocking a caller for a minute.
 */
public final class ReliableProducer {

    private ReliableProducer() {
    }

    private static final Logger LOG = Logger.getLogger(ReliableProducer.class);

    public static KafkaProducer<String, byte[]> create(String bootstrapServers, String clientId) {
        loadNativeLz4();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 65_536);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Kafka compresses with {@code LZ4Factory.fastestInstance()}, which takes lz4's native compressor only when lz4-java
     * was loaded by the system class loader or its library is loaded already. In a Quarkus application it is loaded by
     * Quarkus' own class loader, so every batch was compressed by the pure Java implementation: a tenth of ingest's CPU
     * on the Suricata path (JFR, 2026-12-06), where Kafka's own tools, on the system class loader, use the native one.
     * Loading the library first gives the services the same compressor. Where it cannot load (another platform, or a
     * second class loader in one JVM, as in tests), Kafka keeps the Java one, which writes the same format.
     */
    static void loadNativeLz4() {
        try {
            Native.load();
        } catch (Throwable e) { // UnsatisfiedLinkError and its kin: the Java compressor is still there
            LOG.debugf("lz4's native library did not load (%s); Kafka compresses with the Java implementation", e.toString());
        }
    }
}

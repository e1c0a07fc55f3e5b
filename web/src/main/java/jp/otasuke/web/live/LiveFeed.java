package jp.otasuke.web.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jp.otasuke.web.WebConfig;

/**
 * The platform's changes as they happen, for the signed-in browsers of this instance. One consumer with no group,
 * assigned every partition of the incidents, dispatch and claims topics from their end: every instance behind a
 * load balancer sees every change (a group would split them), and nothing is committed because nothing here
 * needs to survive a restart — a browser that reconnects to another instance re-reads its page.
 * The last notices stay in memory so a browser that lost its connection for a moment resumes (Last-Event-ID).
 */
@ApplicationScoped
public class LiveFeed {

    private static final Duration REFRESH_PARTITIONS = Duration.ofSeconds(5);

    /** This instance's id, in every SSE id: an id from another instance cannot be resumed here, so it re-syncs. */
    final String instance = UUID.randomUUID().toString().substring(0, 8);

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> topics;
    private final String bootstrap;
    private final int replay;
    private final ArrayDeque<Notice> recent = new ArrayDeque<>();
    private final List<Consumer<Notice>> listeners = new CopyOnWriteArrayList<>();
    private long seq;
    private volatile boolean running = true;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    LiveFeed(WebConfig config) {
        this.topics = config.live().topics();
        this.bootstrap = config.live().bootstrapServers();
        this.replay = config.live().replay();
    }

    void start(@Observes StartupEvent started) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "web-live-" + instance);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        thread = new Thread(this::run, "web-live-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    /** Listens from now on; returns the notices after {@code after} still in memory, or null if they are gone. */
    synchronized List<Notice> listen(Consumer<Notice> listener, Long after) {
        listeners.add(listener);
        if (after == null) {
            return List.of();
        }
        if (after > seq || (!recent.isEmpty() && after < recent.peekFirst().seq() - 1) || (recent.isEmpty() && after < seq)) {
            return null;
        }
        return recent.stream().filter(n -> n.seq() > after).toList();
    }

    void forget(Consumer<Notice> listener) {
        listeners.remove(listener);
    }

    synchronized long position() {
        return seq;
    }

    private void run() {
        Set<TopicPartition> assigned = new HashSet<>();
        long nextRefresh = 0;
        try {
            while (running) {
                if (System.nanoTime() >= nextRefresh) {
                    assigned = reassign(assigned);
                    nextRefresh = System.nanoTime() + REFRESH_PARTITIONS.toNanos();
                }
                if (assigned.isEmpty()) {
                    Thread.sleep(500);
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    publish(record);
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Log.errorf(e, "The live feed stopped; browsers show that they are not live");
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Adds partitions that appeared (a topic created after we started) and reads them from their end. */
    private Set<TopicPartition> reassign(Set<TopicPartition> assigned) {
        Set<TopicPartition> all = new HashSet<>();
        try {
            for (String topic : topics) {
                List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2));
                if (partitions != null) {
                    partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
        } catch (RuntimeException e) {
            Log.debugf("Kafka not reachable yet for the live feed: %s", e.toString());
            return assigned;
        }
        if (all.equals(assigned) || all.isEmpty()) {
            return assigned;
        }
        Collection<TopicPartition> added = new ArrayList<>(all);
        added.removeAll(assigned);
        consumer.assign(all);
        consumer.seekToEnd(added);
        Log.infof("Live feed reads %d partitions of %s", all.size(), topics);
        return all;
    }

    private void publish(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null || record.value() == null) {
            return;
        }
        try {
            JsonNode data = json.readTree(record.value());
            ObjectNode body = json.createObjectNode();
            body.put("type", new String(type.value(), StandardCharsets.UTF_8));
            for (String id : List.of("incidentId", "jobId", "claimId", "tenantId", "mergedInto")) {
                if (data.hasNonNull(id)) {
                    body.put(id, data.get(id).asText());
                }
            }
            if (data.hasNonNull("status")) {
                body.put("status", data.get("status").asText());
            }
            Notice notice;
            synchronized (this) {
                notice = new Notice(++seq, body.toString(), data.path("tenantId").asText(null),
                        data.path("engineerId").asText(null));
                recent.addLast(notice);
                while (recent.size() > replay) {
                    recent.removeFirst();
                }
            }
            listeners.forEach(l -> l.accept(notice));
        } catch (java.io.IOException e) {
            Log.debugf("Not a JSON event at %s-%d@%d", record.topic(), record.partition(), record.offset());
        }
    }

}

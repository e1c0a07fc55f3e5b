package jp.otasuke.common.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.events.Topics;
import jp.otasuke.common.config.SharedConfig;

/**
 * Creates the platform's topics on a development or test broker, with their partitions and the
 * compaction of the tenants topic. In a real deployment the Kafka operator owns the topics
 * ({@code OTASUKE_KAFKA_CREATE_TOPICS=false}).
 */
@ApplicationScoped
public class TopicProvisioner {

    private final String bootstrapServers;
    private final boolean enabled;
    private final int partitions;

    TopicProvisioner(SharedConfig config) {
        this.bootstrapServers = config.kafka().bootstrapServers();
        this.enabled = config.kafka().createTopics();
        this.partitions = config.kafka().partitions();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        List<NewTopic> topics = List.of(
                new NewTopic(Topics.ALERTS, partitions, (short) 1),
                new NewTopic(Topics.CONSULTATIONS, partitions, (short) 1),
                new NewTopic(Topics.TENANTS, partitions, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(Topics.INCIDENTS, partitions, (short) 1),
                new NewTopic(Topics.DISPATCH, partitions, (short) 1),
                new NewTopic(Topics.CLAIMS, partitions, (short) 1),
                new NewTopic(Topics.SENSORS, partitions, (short) 1),
                new NewTopic(Topics.NOTICES, partitions, (short) 1));
        // default.api.timeout.ms may not be below request.timeout.ms, or the client refuses to start
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        Log.warnf("Could not create topic %s: %s", result.getKey(), e.getCause().getMessage());
                    }
                }
            }
        } catch (Exception e) {
            // Not fatal: Kafka may come later; readiness reports it meanwhile.
            Log.warnf("Could not provision topics: %s", e.getMessage());
        }
    }
}

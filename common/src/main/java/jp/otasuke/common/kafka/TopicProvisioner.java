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
import org.apache.kafka.common.errors.TopicExistsException;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.config.SharedConfig;

/**
 * Creates the platform's topics ({@link PlatformTopics}) on a development or test broker, with their configuration.
 * In a real deployment the Kafka operator owns the topics ({@code OTASUKE_KAFKA_CREATE_TOPICS=false}), declared in
 * {@code infra/k8s/kafka-topics.yaml} from the same list.
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
        // the cluster's partition counts are for many instances; here one count for every stream, one for dead letters
        List<NewTopic> topics = PlatformTopics.all().stream()
                .map(topic -> new NewTopic(topic.name(), topic.partitions() == 1 ? 1 : partitions, (short) 1).configs(topic.config()))
                .toList();
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

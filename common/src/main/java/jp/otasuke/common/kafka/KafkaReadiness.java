package jp.otasuke.common.kafka;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jp.otasuke.common.config.SharedConfig;

/**
 * Readiness on Kafka that answers within two seconds whatever the broker does: an orchestrator polling
 * {@code /q/health/ready} must get DOWN promptly when Kafka is gone, not a hung request.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final Admin admin;

    KafkaReadiness(SharedConfig config) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000L));
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("Kafka connection health check").up().withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("Kafka connection health check").down()
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }

    @PreDestroy
    void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}

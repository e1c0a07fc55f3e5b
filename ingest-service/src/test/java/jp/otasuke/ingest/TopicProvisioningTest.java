package jp.otasuke.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.Topics;
import jp.otasuke.infra.testing.RealInfrastructure;

/** On a development broker the service creates the platform's topics, the tenants topic compacted. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class TopicProvisioningTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theTopicsExistWithTheirPartitionsAndTheTenantsTopicIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> names = admin.listTopics().names().get();
            for (String topic : List.of(Topics.ALERTS, Topics.CONSULTATIONS, Topics.TENANTS, Topics.INCIDENTS,
                    Topics.DISPATCH, Topics.CLAIMS, Topics.SENSORS, Topics.NOTICES)) {
                assertTrue(names.contains(topic), topic + " in " + names);
            }
            assertEquals(6, admin.describeTopics(List.of(Topics.ALERTS)).allTopicNames().get().get(Topics.ALERTS)
                    .partitions().size());
            ConfigResource tenants = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TENANTS);
            Config config = admin.describeConfigs(List.of(tenants)).all().get().get(tenants);
            assertEquals("compact", config.get("cleanup.policy").value());
        }
    }
}

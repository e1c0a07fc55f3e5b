package jp.otasuke.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class SubscriptionCheckTest {

    @Test
    void aServiceReadingATopicNotDeclaredForItIsNamed() {
        SmallRyeConfig config = config(Map.of("quarkus.application.name", "dispatch-service",
                "mp.messaging.incoming.incidents.topic", "otasuke.incidents.v1",
                "mp.messaging.incoming.claims.topic", "otasuke.claims.v1"));

        assertEquals(List.of("dispatch-service reads otasuke.claims.v1"), SubscriptionCheck.undeclared(config));
    }

    @Test
    void patternsAndDeclaredSubscriptionsPass() {
        SmallRyeConfig config = config(Map.of("quarkus.application.name", "triage-service",
                "mp.messaging.incoming.alerts.topic", "otasuke.alerts.v1",
                "mp.messaging.incoming.dead-letters.topic", "otasuke\\..+\\.dlq\\..+",
                "mp.messaging.incoming.dead-letters.pattern", "true"));

        assertTrue(SubscriptionCheck.undeclared(config).isEmpty());
    }

    @Test
    void everySubscriptionHasItsDeadLetterTopic() {
        List<String> names = PlatformTopics.all().stream().map(PlatformTopics.Topic::name).toList();
        PlatformTopics.SUBSCRIPTIONS.forEach((group, topics) -> topics.forEach(
                topic -> assertTrue(names.contains(topic + ".dlq." + group), topic + " for " + group)));
        assertEquals(8 + 16, names.size());
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }
}

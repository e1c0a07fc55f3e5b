package jp.otasuke.common.kafka;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a service whose Kafka channels read a topic that {@link PlatformTopics#SUBSCRIPTIONS} does not
 * list for it. The list is where the cluster's topics come from: a subscription missing from it would have no
 * dead-letter topic in production (topic auto-creation is off there), and the first record the service cannot apply
 * would stop its partition. Failing here makes every test of the service say so instead.
 */
@ApplicationScoped
public class SubscriptionCheck {

    private static final String INCOMING = "mp.messaging.incoming.";

    void onStart(@Observes StartupEvent event, Config config) {
        List<String> missing = undeclared(config);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Kafka subscriptions missing from PlatformTopics.SUBSCRIPTIONS: " + missing
                    + ". Add them there (the deployment module then asks for infra/k8s/kafka-topics.yaml to be regenerated).");
        }
    }

    static List<String> undeclared(Config config) {
        String service = config.getValue("quarkus.application.name", String.class);
        List<String> missing = new ArrayList<>();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(INCOMING) || !name.endsWith(".topic")) {
                continue;
            }
            String channel = name.substring(INCOMING.length(), name.length() - ".topic".length());
            String prefix = INCOMING + channel + ".";
            if (config.getOptionalValue(prefix + "pattern", Boolean.class).orElse(false)) {
                continue; // a pattern (the dead-letter watch) reads topics declared elsewhere
            }
            String group = config.getOptionalValue(prefix + "group.id", String.class).orElse(service);
            String topic = config.getValue(name, String.class);
            if (!PlatformTopics.SUBSCRIPTIONS.getOrDefault(group, List.of()).contains(topic)) {
                missing.add(group + " reads " + topic);
            }
        }
        return missing;
    }
}

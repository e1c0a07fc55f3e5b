package jp.otasuke.common.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;

import jp.otasuke.common.events.Topics;

/**
 * Every topic the platform uses, in one list: what the development broker is given ({@link TopicProvisioner}) and
 * what {@code infra/k8s/kafka-topics.yaml} declares for the cluster (generated from here and checked on every build
 * by the deployment module). A consumer group's subscriptions are part of it, because each one has a dead-letter
 * topic that must exist before its first poison record: {@link SubscriptionCheck} refuses to start a service that
 * reads a topic not listed here for it.
 */
public final class PlatformTopics {

    /**
     * A topic with its partitions in production (the most instances of one consumer group that can work on it), its
     * configuration and why it keeps what it keeps.
     */
    public record Topic(String name, int partitions, Map<String, String> config, String why) {
    }

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);
    private static final Duration DEAD_LETTERS_KEPT = Duration.ofDays(90);

    /** The consumer groups (each service's name) and the topics each reads, in the order its channels are declared. */
    public static final Map<String, List<String>> SUBSCRIPTIONS = subscriptions();

    private PlatformTopics() {
    }

    private static Map<String, List<String>> subscriptions() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("triage-service", List.of(Topics.TENANTS, Topics.ALERTS, Topics.CONSULTATIONS, Topics.DISPATCH,
                Topics.CLAIMS, Topics.NOTICES, Topics.SENSORS));
        groups.put("dispatch-service", List.of(Topics.TENANTS, Topics.INCIDENTS));
        groups.put("insurance-service", List.of(Topics.TENANTS, Topics.DISPATCH, Topics.INCIDENTS));
        groups.put("notify-service", List.of(Topics.INCIDENTS, Topics.DISPATCH, Topics.CLAIMS, Topics.TENANTS));
        return java.util.Collections.unmodifiableMap(groups);
    }

    /** The event streams, then one dead-letter topic per group and topic it reads. */
    public static List<Topic> all() {
        List<Topic> topics = new ArrayList<>(List.of(
                new Topic(Topics.ALERTS, 12, config(WEEK, TopicConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                        "the bulk of the traffic, stored by triage as it arrives: a week covers triage being away over a long"
                                + " weekend and a replay after a fix"),
                new Topic(Topics.CONSULTATIONS, 6, config(MONTH), "few records; triage keeps each consultation"),
                new Topic(Topics.TENANTS, 6, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis())),
                        "compacted, kept for ever: the latest state of every SME, which a new service instance reads from the start"),
                new Topic(Topics.INCIDENTS, 6, config(MONTH), "every consumer stores what it needs; a month to catch up"),
                new Topic(Topics.DISPATCH, 6, config(MONTH), "every consumer stores what it needs; a month to catch up"),
                new Topic(Topics.CLAIMS, 6, config(MONTH), "every consumer stores what it needs; a month to catch up"),
                new Topic(Topics.SENSORS, 6, config(MONTH), "triage shows sensors' health; a month to catch up"),
                new Topic(Topics.NOTICES, 6, config(MONTH), "triage puts each notice on the timeline; a month to catch up")));
        SUBSCRIPTIONS.forEach((group, read) -> read.forEach(topic -> topics.add(new Topic(Topics.deadLetter(topic, group), 1,
                config(DEAD_LETTERS_KEPT), "records " + group + " could not apply, kept for a person to look at and replay"))));
        return List.copyOf(topics);
    }

    private static Map<String, String> config(Duration retention, String... more) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        for (int i = 0; i < more.length; i += 2) {
            config.put(more[i], more[i + 1]);
        }
        return config;
    }
}

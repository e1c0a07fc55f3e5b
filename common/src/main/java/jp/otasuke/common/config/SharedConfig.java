package jp.otasuke.common.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What every service configures the same way ({@code otasuke.shared.*}), read the one way settings are read here (a
 * {@code @ConfigMapping}), with the local defaults in otasuke-common's {@code META-INF/microprofile-config.properties}.
 * Its own prefix: a mapping at {@code otasuke} itself would claim every service's {@code otasuke.*} keys as its own
 * and refuse those it does not know. A service's own
 * rules have a mapping of their own ({@code TriageConfig}, {@code DispatchConfig}, …).
 */
@ConfigMapping(prefix = "otasuke.shared")
public interface SharedConfig {

    /** The service's name: its consumer group, the source of its events. */
    @WithDefault("${quarkus.application.name}")
    String serviceName();

    /**
     * Where the service is reached from outside: links it hands out (a 201's Location) start with it. Unset (no
     * {@code PUBLIC_URL}), they start with the service's own address on this machine.
     */
    Optional<String> publicUrl();

    Http http();

    Kafka kafka();

    Retention retention();

    Outbox outbox();

    /** Per signed-in caller (token subject), on every service: a burst, then a steady rate. */
    Api api();

    /** Calls to URLs a customer chose (insurers' webhooks, chat webhooks). */
    Outbound outbound();

    /** The key that seals secrets kept in a service's database (SecretBox); only services that seal set it. */
    SecretBox secretBox();

    interface Http {
        /** A longer request line is 414. */
        int maxUriLength();

        /** The Strict-Transport-Security header on answers that travelled over TLS. */
        String hsts();

        /** A larger body is 413 (Quarkus' own limit, read here so that our answer says it). */
        @WithDefault("${quarkus.http.limits.max-body-size}")
        MemorySize maxBodySize();
    }

    interface Kafka {
        @WithDefault("${kafka.bootstrap.servers}")
        String bootstrapServers();

        /** Each service creates the topics it uses when they are missing (off where an operator declares them). */
        @WithDefault("true")
        boolean createTopics();

        @WithDefault("6")
        int partitions();
    }

    /** How long rows every service has are kept (each service's own kinds are in its settings). */
    interface Retention {
        /**
         * Which events a consumer applied, to skip them when Kafka delivers them again: longer than any topic keeps
         * its records (7 days), so a consumer group that starts over from the oldest offset still applies each once.
         */
        @WithDefault("30d")
        Duration inbox();

        /** How often rows past their retention are looked for. */
        @WithDefault("1h")
        Duration every();
    }

    interface Outbox {
        @WithDefault("1s")
        Duration pollInterval();

        /** How long published outbox rows are kept before they are deleted. */
        @WithDefault("7d")
        Duration retention();

        /** How many of the 16 lanes one relay publishes per round: with 8, two instances publish at once. */
        @WithDefault("8")
        int lanesPerRound();

        /**
         * How long a relay holds the lanes it publishes: longer than the producer's delivery timeout (15 s) and the
         * wait for acknowledgements, so a relay that died or was cut off has no send left in flight when another
         * takes its lanes over; also how long its lanes wait when it died.
         */
        @WithDefault("45s")
        Duration lease();
    }

    interface Api {
        double requestsPerSecond();

        double burst();
    }

    interface Outbound {
        @WithDefault("false")
        boolean allowHttp();

        @WithDefault("false")
        boolean allowLoopback();
    }

    interface SecretBox {
        /** The key that seals (SECRET_BOX_KEY). */
        Optional<String> key();

        /** Its id, written with each value it seals (SECRET_BOX_KEY_ID): a new key gets a new id. */
        @WithDefault("1")
        String keyId();

        /** Keys retired by a rotation, still opening what they sealed: "id=key;id=key" (SECRET_BOX_OLD_KEYS). */
        Optional<String> oldKeys();
    }
}

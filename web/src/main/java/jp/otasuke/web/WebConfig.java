package jp.otasuke.web;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What an operator sets for web (defaults and variables in application.properties and the README); the services
 * web forwards to are {@code gateway.Upstreams}.
 */
@ConfigMapping(prefix = "otasuke.web")
public interface WebConfig {

    /** Where sensors send alerts over HTTP, for the set-up lines the administration shows. */
    String sensorIntakeUrl();

    /** Where sensors send syslog, likewise. */
    String syslogHost();

    /** Signs each session's CSRF token. */
    String csrfKey();

    Live live();

    /** The live feed pages listen to: the topics web reads, and how many recent records a new reader is given. */
    interface Live {
        List<String> topics();

        int replay();

        @WithDefault("${kafka.bootstrap.servers}")
        String bootstrapServers();
    }
}

package jp.otasuke.web.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The platform's own services web forwards to: a fixed list from configuration, never a URL from a request. */
@ConfigMapping(prefix = "otasuke.web.gateway")
public interface Upstreams {

    /** Service name (as in {@code /api/<name>/...}) → its base URL. */
    Map<String, URI> upstream();

    Duration timeout();

    default Optional<URI> of(String service) {
        return Optional.ofNullable(upstream().get(service));
    }
}

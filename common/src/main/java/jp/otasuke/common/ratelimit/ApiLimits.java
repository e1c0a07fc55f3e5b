package jp.otasuke.common.ratelimit;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;

/**
 * How fast one signed-in caller (a token subject) may call a service: a burst, then a steady rate. Apart from the
 * other shared settings (config.SharedConfig) because the REST filter that reads it is made while the REST layer is
 * set up, before runtime configuration: static-init safe, which in JVM mode is still the process's start, so the
 * environment's values are the ones read (nothing here depends on a value known only at runtime, such as a port).
 */
@StaticInitSafe
@ConfigMapping(prefix = "otasuke.shared.api")
public interface ApiLimits {

    double requestsPerSecond();

    double burst();
}

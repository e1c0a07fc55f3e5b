package jp.otasuke.ingest.sensor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How fast one sensor may send (requests over HTTP), so that one in a loop cannot starve the others. */
@ConfigMapping(prefix = "otasuke.intake")
public interface IntakeLimits {

    @WithDefault("50")
    double requestsPerSecond();

    @WithDefault("100")
    double burst();
}

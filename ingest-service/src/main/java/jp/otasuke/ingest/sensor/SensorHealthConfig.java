package jp.otasuke.ingest.sensor;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How sensor health is kept (application.properties, {@code otasuke.sensors.*}). */
@ConfigMapping(prefix = "otasuke.sensors")
public interface SensorHealthConfig {

    /** Added to a sensor's expected interval before it counts as silent: covers the flush lag and clock drift. */
    @WithDefault("60s")
    Duration grace();

    /** How often sightings held in memory are written to the database (one update per sensor seen). */
    @WithDefault("10s")
    Duration flushEvery();

    /** How often the watch looks for silent sensors and ended silences. */
    @WithDefault("30s")
    Duration watchEvery();
}

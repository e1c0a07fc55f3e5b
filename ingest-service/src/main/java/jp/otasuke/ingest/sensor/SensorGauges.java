package jp.otasuke.ingest.sensor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.metrics.CountedInDatabase;

/** Sensors silent now: many at once is the platform's problem (intake, a network), not each SME's (monitoring.yaml). */
@ApplicationScoped
class SensorGauges {

    void register(@Observes StartupEvent event, CountedInDatabase counted) {
        counted.gauge("otasuke.sensors.silent", "Sensors not heard from within their expected interval",
                "select count(*) from sensor_silence where ended_at is null");
    }
}

package jp.otasuke.ingest.sensor;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jp.otasuke.common.ratelimit.TokenBuckets;

/** A token bucket per sensor: a misbehaving sensor (a loop re-sending its log) cannot starve the others. */
@ApplicationScoped
public class SensorRateLimiter {

    private final TokenBuckets<UUID> buckets;

    SensorRateLimiter(@ConfigProperty(name = "otasuke.intake.requests-per-second", defaultValue = "50") double perSecond,
            @ConfigProperty(name = "otasuke.intake.burst", defaultValue = "100") double burst) {
        this.buckets = new TokenBuckets<>(perSecond, burst);
    }

    /** True when the sensor may send now. */
    public boolean tryAcquire(UUID sensorId) {
        return buckets.tryAcquire(sensorId);
    }
}

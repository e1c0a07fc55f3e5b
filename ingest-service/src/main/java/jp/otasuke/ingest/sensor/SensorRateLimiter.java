package jp.otasuke.ingest.sensor;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.otasuke.common.ratelimit.TokenBuckets;

/** A token bucket per sensor: a misbehaving sensor (a loop re-sending its log) cannot starve the others. */
@ApplicationScoped
public class SensorRateLimiter {

    private final TokenBuckets<UUID> buckets;

    SensorRateLimiter(IntakeLimits limits) {
        this.buckets = new TokenBuckets<>(limits.requestsPerSecond(), limits.burst());
    }

    /** True when the sensor may send now. */
    public boolean tryAcquire(UUID sensorId) {
        return buckets.tryAcquire(sensorId);
    }
}

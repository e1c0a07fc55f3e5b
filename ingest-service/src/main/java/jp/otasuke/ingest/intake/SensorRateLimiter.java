package jp.otasuke.ingest.intake;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per sensor: a misbehaving sensor (a loop re-sending its log) cannot starve the others.
 * Per instance; behind N instances a sensor gets N times the rate, which is fine for this purpose.
 */
@ApplicationScoped
public class SensorRateLimiter {

    private final double perSecond;
    private final double burst;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    SensorRateLimiter(@ConfigProperty(name = "otasuke.intake.requests-per-second", defaultValue = "50") double perSecond,
            @ConfigProperty(name = "otasuke.intake.burst", defaultValue = "100") double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** True when the sensor may send now. */
    public boolean tryAcquire(UUID sensorId) {
        return buckets.computeIfAbsent(sensorId, id -> new Bucket(burst)).take(perSecond, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        synchronized boolean take(double perSecond, double burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}

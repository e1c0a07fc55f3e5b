package jp.otasuke.common.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a sensor, a caller): {@code burst} requests at once, then {@code perSecond}.
 * Per instance; behind N instances a key gets N times the rate, which is fine for keeping one client from
 * starving the others. Keys are only ever ones that authenticated, so the map stays as small as the
 * platform's sensors and accounts.
 */
public final class TokenBuckets<K> {

    private final double perSecond;
    private final double burst;
    private final Map<K, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** True when the key may go now (and a token is taken). */
    public boolean tryAcquire(K key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(burst)).take(perSecond, burst);
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

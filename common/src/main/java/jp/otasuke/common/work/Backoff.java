package jp.otasuke.common.work;

import java.time.Duration;

/** How long a failed attempt waits before the next: first, 2×first, 4×first … up to the longest. */
public record Backoff(Duration first, Duration longest) {

    public Duration after(int attempts) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 20));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}

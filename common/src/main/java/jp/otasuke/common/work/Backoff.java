package jp.otasuke.common.work;

import java.time.Duration;

/**
 * How long to wait before trying again: first, 2×first, 4×first … up to the longest. The one backoff of the platform:
 * for work whose attempts are counted in the database ({@link #after}) and for loops that wait for a dependency to
 * come back ({@link #next}, back to {@link #first} once it answers).
 */
public record Backoff(Duration first, Duration longest) {

    /** The wait after the {@code attempts}-th failed attempt (1 → first). */
    public Duration after(int attempts) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 20));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /** The wait after one that did not help: twice it, at most the longest. */
    public Duration next(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(longest) > 0 ? longest : doubled;
    }
}

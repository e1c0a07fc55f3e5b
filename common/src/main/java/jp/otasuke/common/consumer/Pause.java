package jp.otasuke.common.consumer;

import java.time.Duration;

/** Backoff between retries of a consumer that waits for a dependency to come back. */
public final class Pause {

    private static final Duration LONGEST = Duration.ofSeconds(10);

    private Pause() {
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }

    public static Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled;
    }
}

package jp.otasuke.common.consumer;

import java.time.Duration;

import jp.otasuke.common.work.Backoff;

/** A consumer waiting for a dependency to come back (how long: {@link #WHILE_AWAY}). */
public final class Pause {

    /** Between retries of a batch, a dead letter or a poll while the database or Kafka is away. */
    public static final Backoff WHILE_AWAY = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

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
}

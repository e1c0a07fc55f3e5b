package jp.otasuke.common.work;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void attemptsCountedInTheDatabaseWaitTwiceAsLongEachTimeUpToTheLongest() {
        assertEquals(Duration.ofSeconds(30), backoff.after(1));
        assertEquals(Duration.ofSeconds(60), backoff.after(2));
        assertEquals(Duration.ofSeconds(240), backoff.after(4));
        assertEquals(Duration.ofMinutes(5), backoff.after(5));
        assertEquals(Duration.ofMinutes(5), backoff.after(500), "no overflow after many attempts");
    }

    @Test
    void aLoopWaitingForADependencyDoublesItsWaitTheSameWay() {
        Duration wait = backoff.first();
        for (int attempt = 1; attempt <= 7; attempt++) {
            assertEquals(backoff.after(attempt), wait, "attempt " + attempt);
            wait = backoff.next(wait);
        }
    }
}

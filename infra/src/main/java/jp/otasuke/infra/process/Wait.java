package jp.otasuke.infra.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Polls until a server says it is ready, reporting progress for starts that take a while. */
public final class Wait {

    private Wait() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier ready, BooleanSupplier stillRunning,
            Consumer<String> progress) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextReport = started + Duration.ofSeconds(10).toNanos();
        while (!ready.getAsBoolean()) {
            if (!stillRunning.getAsBoolean()) {
                throw new IllegalStateException(what + " exited before it was ready");
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException(what + " was not ready within " + timeout.toSeconds() + " s");
            }
            if (now > nextReport) {
                progress.accept("  … still waiting for " + what + " ("
                        + Duration.ofNanos(now - started).toSeconds() + " s)");
                nextReport = now + Duration.ofSeconds(10).toNanos();
            }
            sleep(Duration.ofMillis(250));
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

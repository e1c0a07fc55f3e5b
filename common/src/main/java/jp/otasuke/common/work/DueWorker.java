package jp.otasuke.common.work;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one loop that runs a {@link DueWork} (started by {@link DueWorkers}): claims what is due in a short transaction, performs each claimed item on
 * one of {@code parallel} threads (so one slow receiver does not hold up the others), claims again as threads free up,
 * and otherwise waits for a wake-up or the poll interval. When the database is away it backs off and tries again: the
 * work waits in the table. Several instances run the same worker against the same table and share the rows.
 */
public final class DueWorker {

    /** A claim runs a few statements; a claim still open after this is rolled back rather than holding its locks. */
    private static final int CLAIM_TIMEOUT_SECONDS = 10;

    private final String name;
    private final DueWork<Object> work;
    private final Duration poll;
    private final int batch;
    private final boolean performs;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Semaphore free;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService performers;
    private volatile boolean running;
    private Thread thread;

    @SuppressWarnings("unchecked")
    private DueWorker(String name, DueWork<?> work, Duration poll, int batch, int parallel, boolean performs) {
        this.name = name;
        this.work = (DueWork<Object>) work;
        this.poll = poll;
        this.batch = batch;
        this.performs = performs;
        this.free = new Semaphore(parallel);
        AtomicInteger threads = new AtomicInteger();
        this.performers = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, name + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a worker for work that calls out: each claimed item is performed outside the claim's transaction.
     *
     * @param batch    the most rows one claim takes
     * @param parallel how many claimed items are performed at once
     */
    static DueWorker start(String name, DueWork<?> work, Duration poll, int batch, int parallel) {
        return start(new DueWorker(name, work, poll, batch, parallel, true));
    }

    /**
     * Starts a worker for work done entirely in the database, in the claiming transaction: what a claim returns only
     * says how many rows it took (a full batch is followed by another claim at once).
     */
    static DueWorker startInClaim(String name, DueWork<?> work, Duration poll, int batch) {
        return start(new DueWorker(name, work, poll, batch, 1, false));
    }

    private static DueWorker start(DueWorker worker) {
        worker.running = true;
        worker.thread = new Thread(worker::loop, worker.name);
        worker.thread.setDaemon(true);
        worker.thread.start();
        return worker;
    }

    /** Something became due now (call it after the commit that made it so): claim without waiting for the poll. */
    public void wake() {
        wakeUps.release();
    }

    /** Graceful shutdown: claims nothing more and lets what is in flight finish, up to the grace period. */
    public void stop(Duration grace) {
        running = false;
        wakeUps.release();
        performers.shutdown();
        try {
            if (thread != null) {
                thread.join(grace.toMillis());
            }
            if (!performers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                // what is still in flight keeps its lease; another instance takes it when the lease ends
                Log.warnf("%s stopped with %d items in flight; their leases hand them to another instance", name, inFlight.get());
                performers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        // the database away: retried soon, then less often, never longer apart than five polls
        Backoff whileAway = new Backoff(Duration.ofMillis(200), poll.multipliedBy(5));
        Duration backoff = whileAway.first();
        while (running) {
            try {
                free.acquire();
                int room = 1 + free.drainPermits();
                int limit = performs ? Math.min(room, batch) : batch;
                List<Object> claimed;
                try {
                    claimed = inRequest(() -> QuarkusTransaction.requiringNew().timeout(CLAIM_TIMEOUT_SECONDS)
                            .call(() -> work.claim(limit)));
                } finally {
                    free.release(room);
                }
                backoff = whileAway.first();
                claimed.forEach(this::performLater);
                if (claimed.size() < limit) {
                    wakeUps.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database may be away or restarting; the rows wait in it
                Log.warnf("%s could not claim due work (%s); retrying in %d ms", name, e, backoff.toMillis());
                sleep(backoff);
                backoff = whileAway.next(backoff);
            }
        }
    }

    private void performLater(Object item) {
        if (!performs) {
            return;
        }
        free.acquireUninterruptibly();
        inFlight.incrementAndGet();
        performers.execute(() -> {
            try {
                inRequest(() -> {
                    work.perform(item);
                    return null;
                });
            } catch (RuntimeException e) {
                // the lease ends and the row is claimed again: nothing is lost, at worst it is tried once more
                Log.warnf("%s could not finish an item (%s); it is tried again when its lease ends", name, e);
            } finally {
                inFlight.decrementAndGet();
                free.release();
                wakeUps.release();
            }
        });
    }

    /** As a scheduled method would run: request-scoped beans (the Keycloak admin client) work as in a request. */
    private static <T> T inRequest(java.util.function.Supplier<T> step) {
        ManagedContext request = Arc.container().requestContext();
        if (request.isActive()) {
            return step.get();
        }
        request.activate();
        try {
            return step.get();
        } finally {
            request.terminate();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

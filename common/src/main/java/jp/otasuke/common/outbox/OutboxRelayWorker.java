package jp.otasuke.common.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.kafka.ReliableProducer;
import jp.otasuke.common.config.SharedConfig;
import jp.otasuke.common.consumer.Pause;

/**
 * Runs the {@link OutboxRelay} on its own thread: woken by each commit that wrote to the outbox, and
 * polling as a safety net. Failures (Kafka or the database away) back off and retry; nothing is lost
 * because unsent rows stay in the table.
 */
@ApplicationScoped
public class OutboxRelayWorker {

    /** Longer than the producer's delivery timeout (15 s): by then every send has landed or failed. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(20);

    private final AgroalDataSource dataSource;
    private final String bootstrapServers;
    private final Duration pollInterval;
    private final SharedConfig.Outbox outbox;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    OutboxRelayWorker(AgroalDataSource dataSource, SharedConfig config) {
        this.dataSource = dataSource;
        this.bootstrapServers = config.kafka().bootstrapServers();
        this.pollInterval = config.outbox().pollInterval();
        this.outbox = config.outbox();
    }

    void start(@Observes StartupEvent event) {
        producer = ReliableProducer.create(bootstrapServers, "outbox-relay");
        OutboxRelay relay = new OutboxRelay(dataSource, producer, 500, outbox.lanesPerRound(), ACK_TIMEOUT,
                outbox.lease());
        running = true;
        thread = new Thread(() -> loop(relay), "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Graceful shutdown: finish the batch in flight, then close the producer (which flushes). */
    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUps.release();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a commit that wrote to the outbox. */
    void wake() {
        wakeUps.release();
    }

    private void loop(OutboxRelay relay) {
        Duration backoff = Pause.WHILE_AWAY.first();
        while (running) {
            try {
                int published = relay.relayBatch();
                backoff = Pause.WHILE_AWAY.first();
                if (published == 0) {
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Log.warnf("Outbox relay could not publish (%s: %s); retrying in %d ms", e.getClass().getSimpleName(),
                        e.getMessage(), backoff.toMillis());
                sleep(backoff);
                backoff = Pause.WHILE_AWAY.next(backoff);
            }
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

package jp.otasuke.common.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes the outbox to Kafka: one batch at a time, in row order, and marks the rows sent only after
 * Kafka acknowledged every record of the batch ({@code acks=all}, idempotent producer). If anything
 * fails between publishing and marking (a crash, the database gone), the rows stay unsent and are
 * published again: at least once, which the consumers' inbox turns into exactly-once effects.
 *
 * <p>Only one relay of a service publishes at a time (a PostgreSQL advisory lock), so a scaled-out
 * service cannot reorder one incident's events.
 */
public final class OutboxRelay {

    /** "outbox" in ASCII: the advisory lock every relay of a database contends for. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final int batchSize;
    private final Duration ackTimeout;

    public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, int batchSize, Duration ackTimeout) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.batchSize = batchSize;
        this.ackTimeout = ackTimeout;
    }

    /**
     * Publishes one batch.
     *
     * @return how many events were published and marked sent (0 when nothing waits or another relay holds the lock)
     */
    public int relayBatch() throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    return 0;
                }
                List<OutboxStore.Pending> batch = OutboxStore.pending(c, batchSize);
                if (batch.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
                for (OutboxStore.Pending row : batch) {
                    acks.add(producer.send(row.envelope().toRecord()));
                }
                producer.flush();
                long deadline = System.nanoTime() + ackTimeout.toNanos();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                OutboxStore.markSent(c, batch.stream().map(OutboxStore.Pending::id).toList());
                c.commit();
                return batch.size();
            } catch (SQLException | InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    /** Deletes rows sent before the cutoff. */
    public int purgeSentBefore(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return OutboxStore.purgeSentBefore(c, cutoff);
        }
    }

    public long backlog() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return OutboxStore.backlog(c);
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, RELAY_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the transaction is rolled back with it
        }
    }
}

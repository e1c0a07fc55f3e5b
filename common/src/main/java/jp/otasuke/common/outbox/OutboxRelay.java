package jp.otasuke.common.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import jp.otasuke.common.trace.TraceHeaders;

/**
 * Publishes the outbox to Kafka and marks the rows sent only after Kafka acknowledged every record of the batch
 * ({@code acks=all}, idempotent producer). If anything fails between publishing and marking (a crash, the database
 * gone), the rows stay unsent and are published again: at least once, which the consumers' inbox turns into
 * exactly-once effects.
 *
 * <p>The work is shared between the relays of all a service's instances by lanes: a row's lane follows from its
 * key, and each round a relay leases the lanes with waiting rows that were served longest ago (a short transaction),
 * publishes their oldest rows in order with no transaction open, then marks them sent and hands the lanes back (a
 * second short transaction). A lane is published by one relay at a time, so each key's events stay in order; a relay
 * that dies or is cut off holds its lanes only until the lease ends, longer than the producer's delivery timeout,
 * so its last sends have failed or landed before another relay takes the lane over.
 */
public final class OutboxRelay {

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final int batchSize;
    private final int lanesPerRound;
    private final Duration ackTimeout;
    private final Duration lease;
    private final UUID holder = UUID.randomUUID();

    public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, int batchSize, int lanesPerRound,
            Duration ackTimeout, Duration lease) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.batchSize = batchSize;
        this.lanesPerRound = lanesPerRound;
        this.ackTimeout = ackTimeout;
        this.lease = lease;
    }

    /**
     * Publishes one batch from the lanes this relay could lease.
     *
     * @return how many events were published and marked sent (0 when nothing waits or other relays hold every lane with work)
     */
    public int relayBatch() throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        List<Integer> lanes;
        List<OutboxStore.Pending> batch;
        try (Connection c = dataSource.getConnection()) {
            lanes = inTransaction(c, () -> OutboxStore.leaseLanes(c, holder, lanesPerRound, lease));
            if (lanes.isEmpty()) {
                return 0;
            }
            c.setAutoCommit(true);
            batch = OutboxStore.pending(c, lanes, batchSize);
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxStore.Pending row : batch) {
            ProducerRecord<String, byte[]> record = row.envelope().toRecord();
            TraceHeaders.add(record.headers(), row.traceParent());
            acks.add(producer.send(record));
        }
        producer.flush();
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        try (Connection c = dataSource.getConnection()) {
            inTransaction(c, () -> {
                OutboxStore.markSent(c, batch.stream().map(OutboxStore.Pending::id).toList());
                OutboxStore.handBack(c, holder, lanes);
                return null;
            });
        }
        return batch.size();
    }

    public long backlog() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return OutboxStore.backlog(c);
        }
    }

    private interface Step<T> {
        T run() throws SQLException;
    }

    private static <T> T inTransaction(Connection c, Step<T> step) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = step.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the transaction is rolled back with it
            }
            throw e;
        }
    }
}

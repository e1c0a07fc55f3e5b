package jp.otasuke.common.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.otasuke.common.events.EventEnvelope;

/** The outbox table, in plain JDBC so it runs on whatever connection holds the caller's transaction. */
final class OutboxStore {

    /** A row waiting to be published, with the trace it was written in (null outside one). */
    record Pending(long id, EventEnvelope envelope, String traceParent) {
    }

    private OutboxStore() {
    }

    static void append(Connection c, EventEnvelope e, String traceParent) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into outbox (event_id, topic, record_key, event_type, "
                + "source, subject, occurred_at, payload, trace_parent) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, e.id());
            s.setString(2, e.topic());
            s.setString(3, e.key());
            s.setString(4, e.type());
            s.setString(5, e.source());
            s.setString(6, e.subject());
            s.setTimestamp(7, Timestamp.from(e.time()));
            s.setBytes(8, e.data());
            s.setString(9, traceParent);
            s.executeUpdate();
        }
    }

    /**
     * Leases up to {@code most} lanes that have unsent rows and that no live lease holds (or this holder's own), those
     * served longest ago first, so that the relays of several instances take turns and no lane waits behind busy ones.
     */
    static List<Integer> leaseLanes(Connection c, UUID holder, int most, Duration lease) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                update outbox_lane set holder = ?, lease_until = now() + make_interval(secs => ?)
                where lane in (select l.lane from outbox_lane l
                               where (l.holder is null or l.holder = ? or l.lease_until < now())
                                 and exists (select 1 from outbox o where o.lane = l.lane and o.sent_at is null)
                               order by l.served_at limit ? for update skip locked)
                returning lane""")) {
            s.setObject(1, holder);
            s.setDouble(2, lease.toMillis() / 1000.0);
            s.setObject(3, holder);
            s.setInt(4, most);
            try (ResultSet rs = s.executeQuery()) {
                List<Integer> lanes = new ArrayList<>();
                while (rs.next()) {
                    lanes.add(rs.getInt(1));
                }
                return lanes;
            }
        }
    }

    /** Hands leased lanes back once their batch is marked sent (in that transaction), for whichever relay comes next. */
    static void handBack(Connection c, UUID holder, List<Integer> lanes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update outbox_lane set holder = null, lease_until = null,"
                + " served_at = now() where holder = ? and lane = any(?)")) {
            s.setObject(1, holder);
            s.setArray(2, c.createArrayOf("smallint", lanes.toArray()));
            s.executeUpdate();
        }
    }

    /** The oldest unsent rows of the lanes, in the order they were written (which keeps each key's story in order). */
    static List<Pending> pending(Connection c, List<Integer> lanes, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id, event_id, topic, record_key, event_type, source, "
                + "subject, occurred_at, payload, trace_parent from outbox where sent_at is null and lane = any(?) order by id limit ?")) {
            s.setArray(1, c.createArrayOf("smallint", lanes.toArray()));
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                List<Pending> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Pending(rs.getLong(1), new EventEnvelope(rs.getObject(2, java.util.UUID.class),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getBytes(9)), rs.getString(10)));
                }
                return rows;
            }
        }
    }

    static void markSent(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update outbox set sent_at = now() where id = any(?)")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            s.executeUpdate();
        }
    }

    static long backlog(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from outbox where sent_at is null");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

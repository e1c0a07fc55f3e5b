package jp.otasuke.common.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** The inbox table: which event ids a consumer has applied. */
public final class InboxStore {

    private InboxStore() {
    }

    /** Records the id; true the first time, false when this consumer applied it already. */
    public static boolean firstTime(Connection c, String consumer, UUID eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into inbox (consumer, event_id) values (?, ?) on conflict do nothing")) {
            s.setString(1, consumer);
            s.setObject(2, eventId);
            return s.executeUpdate() == 1;
        }
    }
}

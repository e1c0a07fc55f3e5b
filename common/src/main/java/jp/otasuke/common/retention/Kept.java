package jp.otasuke.common.retention;

import java.time.Duration;

/**
 * One kind of row a service keeps for a while and then deletes: rows of {@code table} whose {@code since} column is
 * older than {@code keep}, among those where {@code only} holds (e.g. only notices already sent: a pending one is
 * never deleted). A service declares each kind it stores as a CDI producer of this type; {@link Retention} deletes.
 */
public record Kept(String table, String since, String only, Duration keep) {

    /** Every row of the table, by age. */
    public static Kept all(String table, String since, Duration keep) {
        return new Kept(table, since, "true", keep);
    }
}

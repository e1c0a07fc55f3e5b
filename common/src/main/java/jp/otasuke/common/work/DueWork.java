package jp.otasuke.common.work;

import java.time.Duration;
import java.util.List;

/**
 * Work that waits in rows of a table until it is due, done by whichever instance claims it first. A {@link DueWorker}
 * calls {@link #claim} in a short transaction of its own and {@link #perform} outside any transaction, so a slow
 * receiver holds neither a row lock nor a connection.
 *
 * @param <T> what a claim hands over: a plain snapshot of the row (never a managed entity), with the token of the claim
 */
public interface DueWork<T> {

    /**
     * How the work is run: its thread's name, how often it looks for due rows, the most one claim takes, and how many
     * claimed items are performed at once (0: the work is done in the claim and there is nothing to perform).
     */
    record Schedule(String name, Duration poll, int batch, int parallel) {

        /** Work done entirely in the database, in the claiming transaction. */
        public static Schedule inClaim(String name, Duration poll, int batch) {
            return new Schedule(name, poll, batch, 0);
        }
    }

    /** Read once, when the service starts ({@link DueWorkers} starts a worker for every bean of this type). */
    Schedule schedule();

    /**
     * In a short transaction: takes up to {@code limit} due rows with {@code FOR UPDATE SKIP LOCKED} and leases them
     * (pushes their due time past the longest {@link #perform} can take, and marks them with a claim token), so that no
     * other instance takes them while this one works on them, and another takes them over if this one dies. Work that
     * only touches the database is done here, in the claiming transaction, and nothing is returned for it.
     */
    List<T> claim(int limit);

    /**
     * Outside any transaction: does the claimed work (calls the receiver) and records the outcome in a transaction
     * of its own, only while the claim still holds (its token is still on the row). Never throws for a failed call:
     * the row is given its next attempt instead.
     */
    default void perform(T claimed) {
    }
}

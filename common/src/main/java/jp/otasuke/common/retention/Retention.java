package jp.otasuke.common.retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.All;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import jp.otasuke.common.config.SharedConfig;
import jp.otasuke.common.work.DueWork;

/**
 * Deletes what a service keeps past its retention (every {@link Kept} it declares, and every service's inbox and sent
 * outbox rows), a batch at a time in short transactions on the due-work loop, so no writer waits on a long delete.
 * Every instance runs it; two deleting at once skip each other's rows.
 */
@ApplicationScoped
public class Retention implements DueWork<String> {

    /** The most rows one delete takes: a few milliseconds of locks. */
    private static final int BATCH = 2_000;

    private final List<Kept> kinds = new ArrayList<>();
    private final Duration every;

    Retention(@All List<Kept> declared, SharedConfig config) {
        kinds.addAll(declared);
        kinds.add(Kept.all("inbox", "applied_at", config.retention().inbox()));
        kinds.add(new Kept("outbox", "sent_at", "sent_at is not null", config.outbox().retention()));
        this.every = config.retention().every();
    }

    @Override
    public Schedule schedule() {
        return Schedule.inClaim("retention", every, BATCH);
    }

    /** Deletes up to {@code limit} rows past their retention, of the first kinds that have some. */
    @Override
    public List<String> claim(int limit) {
        int deleted = 0;
        for (Kept kind : kinds) {
            if (deleted >= limit) {
                break;
            }
            int n = Panache.getEntityManager().createNativeQuery("delete from " + kind.table() + " where ctid = any(array("
                    + "select ctid from " + kind.table() + " where (" + kind.only() + ") and " + kind.since()
                    + " < now() - make_interval(secs => ?1) limit ?2 for update skip locked))")
                    .setParameter(1, (double) kind.keep().toSeconds()).setParameter(2, limit - deleted).executeUpdate();
            if (n > 0) {
                Log.infof("Retention: deleted %d rows of %s older than %s", n, kind.table(), kind.keep());
            }
            deleted += n;
        }
        return Collections.nCopies(deleted, "deleted");
    }

    /** What is kept, for a test or an operator's question. */
    public List<Kept> kinds() {
        return List.copyOf(kinds);
    }
}

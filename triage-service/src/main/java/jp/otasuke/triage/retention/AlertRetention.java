package jp.otasuke.triage.retention;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import jp.otasuke.common.config.SharedConfig;
import jp.otasuke.common.retention.Kept;
import jp.otasuke.common.work.DueWork;
import jp.otasuke.triage.TriageConfig;
import jp.otasuke.triage.incident.Incident;

/**
 * Keeps {@code incident_alert} to its months: the partitions of the coming months exist before their first alert,
 * and a month past the retention is detached and dropped whole, which takes a moment's lock instead of a delete's
 * hours (its incidents, their counts and timelines stay). The detach waits at most a tenth of a second for its lock
 * and tries again at the next round rather than keep writers queued behind it.
 */
@ApplicationScoped
public class AlertRetention implements DueWork<String> {

    private static final String TABLE = "incident_alert";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");
    /** Months made ahead: alerts observed a little in the future (a sensor's clock) still find theirs. */
    private static final int AHEAD = 2;

    private final int keepMonths;
    private final Duration every;

    AlertRetention(TriageConfig config, SharedConfig shared) {
        this.keepMonths = config.retention().alertMonths();
        this.every = shared.retention().every();
    }

    @Override
    public Schedule schedule() {
        return Schedule.inClaim("alert-retention", every, 100);
    }

    /** Alerts that fell outside every month's partition (observed long ago, or far ahead) are trimmed by row. */
    @Produces
    static Kept outsideTheMonths(TriageConfig config) {
        return Kept.all(TABLE + "_default", "observed_at", Duration.ofDays(31L * config.retention().alertMonths()));
    }

    /** Dead letters are kept a while after the operations incident they raised. */
    @Produces
    static Kept deadLetters(TriageConfig config) {
        return Kept.all("dead_letter", "landed_at", config.retention().deadLetters());
    }

    /** Makes the coming months and drops the months past the retention; returns what it did. */
    @Override
    public List<String> claim(int limit) {
        EntityManager em = Incident.getEntityManager();
        // one instance at a time: two making the same month at once would fail one of them
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('incident_alert partitions'))").getSingleResult();
        List<String> done = new ArrayList<>();
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (int ahead = 0; ahead <= AHEAD; ahead++) {
            YearMonth month = now.plusMonths(ahead);
            String name = partition(month);
            if (!exists(em, name)) {
                em.createNativeQuery("create table " + name + " partition of " + TABLE + " for values from ('" + start(month)
                        + "') to ('" + start(month.plusMonths(1)) + "')").executeUpdate();
                done.add("made " + name);
            }
        }
        YearMonth oldestKept = now.minusMonths(keepMonths - 1L);
        for (YearMonth month : months(em)) {
            if (month.isBefore(oldestKept) && done.size() < limit) {
                String name = partition(month);
                em.createNativeQuery("set local lock_timeout = '100ms'").executeUpdate();
                em.createNativeQuery("alter table " + TABLE + " detach partition " + name).executeUpdate();
                em.createNativeQuery("drop table " + name).executeUpdate();
                done.add("dropped " + name);
            }
        }
        if (!done.isEmpty()) {
            Log.infof("Alert months: %s (kept: %d months from %s)", done, keepMonths, oldestKept);
        }
        return done;
    }

    /** The months that have a partition now. */
    List<YearMonth> months(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " join pg_class p on p.oid = i.inhparent where p.relname = ?1 and c.relname ~ '_[0-9]{4}_[0-9]{2}$'")
                .setParameter(1, TABLE).getResultList();
        return names.stream().map(n -> YearMonth.parse(n.substring(n.length() - 7), SUFFIX)).sorted().toList();
    }

    private static boolean exists(EntityManager em, String name) {
        return em.createNativeQuery("select to_regclass(?1)::text").setParameter(1, name).getSingleResult() != null;
    }

    static String partition(YearMonth month) {
        return TABLE + "_" + month.format(SUFFIX);
    }

    private static String start(YearMonth month) {
        return LocalDate.of(month.getYear(), month.getMonth(), 1) + "T00:00:00Z";
    }
}

package jp.otasuke.dispatch.schedule;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import jp.otasuke.dispatch.job.DispatchJob;

/**
 * The {@code planning} row: the version of the state plans are made from, and the lease of the one planner (of all
 * dispatch instances) planning now. Each method runs in the caller's transaction.
 */
final class PlanningState {

    private PlanningState() {
    }

    /** Something a plan depends on changed: plans made before it are not applied. */
    static void changed() {
        em().createNativeQuery("update planning set version = version + 1 where id = 1").executeUpdate();
    }

    /**
     * Takes the planning lease for the holder if no live lease is someone else's.
     *
     * @return the version of the state now, to make the plan from; empty when another planner is planning
     */
    static OptionalLong lease(UUID holder, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Number> version = em().createNativeQuery("update planning set holder = ?1, lease_until = now() + make_interval(secs => ?2)"
                + " where id = 1 and (holder is null or holder = ?1 or lease_until < now()) returning version")
                .setParameter(1, holder).setParameter(2, lease.toMillis() / 1000.0).getResultList();
        return version.isEmpty() ? OptionalLong.empty() : OptionalLong.of(version.get(0).longValue());
    }

    /**
     * Whether a plan made from {@code version} may be applied: the holder still has the lease and nothing changed since.
     * Locks the row until the transaction ends, so no change commits while the plan is being applied.
     */
    static boolean stillCurrent(UUID holder, long version) {
        Object[] row = (Object[]) em().createNativeQuery("select version, holder from planning where id = 1 for update")
                .getSingleResult();
        return ((Number) row[0]).longValue() == version && holder.equals(row[1]);
    }

    /** Gives the lease back; returns the version now, so the planner sees a change that came while it planned. */
    static long release(UUID holder) {
        em().createNativeQuery("update planning set holder = null, lease_until = null where id = 1 and holder = ?1")
                .setParameter(1, holder).executeUpdate();
        return ((Number) em().createNativeQuery("select version from planning where id = 1").getSingleResult()).longValue();
    }

    private static EntityManager em() {
        return DispatchJob.getEntityManager();
    }
}

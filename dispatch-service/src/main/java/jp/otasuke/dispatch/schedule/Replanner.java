package jp.otasuke.dispatch.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.tx.AfterCommit;
import jp.otasuke.dispatch.DispatchConfig;
import jp.otasuke.dispatch.engineer.Engineer;
import jp.otasuke.dispatch.engineer.EngineersChanged;
import jp.otasuke.dispatch.job.DispatchJob;
import jp.otasuke.dispatch.job.JobLog;
import jp.otasuke.dispatch.job.JobStatus;
import jp.otasuke.dispatch.job.JobsChanged;
import jp.otasuke.dispatch.travel.TravelTimes;

/**
 * Keeps the schedule current: re-plans after every change that matters (a new job, a decline, a cancellation,
 * a job done) and every few minutes so ETAs follow the clock. One planning thread; requests that arrive while it
 * solves are folded into the next run. Of all dispatch instances one plans at a time (a lease on the {@code planning}
 * row), and a plan is applied only if nothing it was made from changed meanwhile (the row's version, counted up by
 * every such change in its own transaction): otherwise it is dropped and the planner plans again, so a plan from an
 * older snapshot never gives an engineer two visits at once or moves a job back. The answer touches only jobs still
 * waiting for an engineer (UNASSIGNED or ASSIGNED); committed jobs (accepted, en route, on site) are pinned in their
 * engineer's route.
 */
@ApplicationScoped
public class Replanner {

    /** Past the solver's limit: a planner that died holds the planning lease no longer than this. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    /** An engineer's pinned jobs in route order: the one they are on, the one they drive to, accepted ones by acceptance, then chosen ones. */
    static final Comparator<DispatchJob> PINNED_ORDER = Comparator.comparing((DispatchJob j) -> -j.status.ordinal())
            .thenComparing(j -> j.acceptedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(j -> j.createdAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private final DispatchConfig config;
    private final JobLog log;
    private final AfterCommit afterCommit;
    private final TravelTimes travel;
    private final Semaphore wakeUps = new Semaphore(0);
    private final UUID holder = UUID.randomUUID();
    private volatile boolean running;
    private Thread thread;

    /** A plan, and the version of the state it was made from. */
    record Plan(long version, Instant madeAt, Schedule schedule) {
    }

    Replanner(DispatchConfig config, JobLog log, AfterCommit afterCommit, TravelTimes travel) {
        this.config = config;
        this.log = log;
        this.afterCommit = afterCommit;
        this.travel = travel;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::loop, "replanner");
        thread.setDaemon(true);
        thread.start();
        wakeUps.release();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUps.release();
    }

    /**
     * Jobs came, went back, were accepted or ended: plans made before this are stale, and a new one is made once it
     * commits (never on a change that rolls back).
     */
    void jobsChanged(@Observes JobsChanged change) {
        PlanningState.changed();
        afterCommit.run(wakeUps::release);
    }

    /** An engineer joined: waiting jobs may have hands now. */
    void engineersChanged(@Observes EngineersChanged change) {
        PlanningState.changed();
        afterCommit.run(wakeUps::release);
    }

    private void loop() {
        while (running) {
            try {
                wakeUps.tryAcquire(config.planning().every().toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(100); // let a burst of changes arrive, then plan them together
                wakeUps.drainPermits();
                if (running) {
                    replan();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database may be restarting; the next run starts from the database again
                Log.warnf("Re-planning failed, will retry: %s", e.toString());
                sleepQuietly(Duration.ofSeconds(2));
                wakeUps.release();
            }
        }
    }

    /** Plans once (and again soon if the state moved while it planned). */
    void replan() {
        // empty when another instance is planning: it sees, when it finishes, any change that came meanwhile
        plan(Instant.now()).ifPresent(plan -> {
            apply(plan);
            finish(plan);
        });
    }

    /** Takes the planning lease, reads the state and solves; empty when another planner holds the lease. */
    Optional<Plan> plan(Instant now) {
        Optional<Plan> snapshot = QuarkusTransaction.requiringNew().call(() -> {
            OptionalLong version = PlanningState.lease(holder, config.planning().spentLimit().plus(LEASE_MARGIN));
            return version.isEmpty() ? Optional.<Plan>empty() : Optional.of(new Plan(version.getAsLong(), now, snapshot(now)));
        });
        if (snapshot.isEmpty() || snapshot.get().schedule().getVisits().isEmpty()) {
            return snapshot;
        }
        Schedule problem = snapshot.get().schedule();
        Solving.Result result = Solving.solve(problem, config.planning().spentLimit(), config.planning().unimprovedLimit());
        Log.infof("Planned %d jobs for %d engineers in %d ms: %s", problem.getVisits().size(), problem.getRoutes().size(),
                result.spent().toMillis(), PlanSummary.of(result.schedule()));
        return Optional.of(new Plan(snapshot.get().version(), now, result.schedule()));
    }

    /** Applies the plan if it was made from the state as it still is; says whether it was. */
    boolean apply(Plan plan) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!PlanningState.stillCurrent(holder, plan.version())) {
                Log.debug("The state changed while planning; the plan is dropped");
                return false;
            }
            apply(plan.schedule(), plan.madeAt());
            return true;
        });
    }

    /** Gives the lease back, and plans again if the state moved since the plan was made (that plan was dropped). */
    void finish(Plan plan) {
        if (QuarkusTransaction.requiringNew().call(() -> PlanningState.release(holder)) != plan.version()) {
            wakeUps.release();
        }
    }

    private Schedule snapshot(Instant now) {
        Map<UUID, Technician> technicians = new HashMap<>();
        for (Engineer engineer : Engineer.<Engineer>list("active", true)) {
            technicians.put(engineer.id, Technician.of(engineer));
        }
        List<Visit> visits = new ArrayList<>();
        Map<UUID, List<DispatchJob>> committed = new HashMap<>();
        for (DispatchJob job : DispatchJob.planned()) {
            UUID pinnedTo = pinnedTo(job);
            if (pinnedTo != null && technicians.containsKey(pinnedTo)) {
                committed.computeIfAbsent(pinnedTo, id -> new ArrayList<>()).add(job);
            } else if (!JobStatus.COMMITTED.contains(job.status)) {
                visits.add(visit(job));
            }
        }
        List<Route> routes = new ArrayList<>();
        for (Technician technician : technicians.values()) {
            List<Visit> pinned = committed.getOrDefault(technician.id(), List.of()).stream()
                    .sorted(PINNED_ORDER)
                    .map(this::visit).toList();
            visits.addAll(pinned);
            routes.add(new Route(technician, now, travel, pinned));
        }
        routes.sort(Comparator.comparing(r -> r.technician().id()));
        return new Schedule(routes, visits);
    }

    /**
     * The engineer whose route holds the job whatever the solver finds: the one who accepted it (or is on the way or
     * on site), or the one the SOC chose; null when the solver places it.
     */
    static UUID pinnedTo(DispatchJob job) {
        if (JobStatus.COMMITTED.contains(job.status)) {
            return job.engineerId;
        }
        return job.chosenEngineerId;
    }

    private Visit visit(DispatchJob job) {
        return Visit.of(job, config.onsiteWork());
    }


    private void apply(Schedule plan, Instant now) {
        for (Route route : plan.getRoutes()) {
            for (Visit visit : route.getVisits()) {
                DispatchJob.forUpdate(visit.getJobId()).ifPresent(job -> {
                    if (JobStatus.COMMITTED.contains(job.status)) {
                        job.plannedArrival = visit.getArrival();
                    } else if (job.status == JobStatus.UNASSIGNED || job.status == JobStatus.ASSIGNED) {
                        boolean etaMoved = job.plannedArrival == null || visit.getArrival() == null
                                || Duration.between(job.plannedArrival, visit.getArrival()).abs().toMinutes() >= 5;
                        if (job.plannedFor(route.technician().id(), route.technician().name(), visit.getArrival()) || etaMoved) {
                            log.assigned(job, now);
                        }
                    }
                });
            }
        }
        List<Technician> technicians = plan.getRoutes().stream().map(Route::technician).toList();
        for (Visit visit : plan.getVisits()) {
            if (!visit.isAssigned()) {
                DispatchJob.forUpdate(visit.getJobId())
                        .filter(job -> job.status == JobStatus.UNASSIGNED || job.status == JobStatus.ASSIGNED)
                        .ifPresent(job -> {
                            if (job.status == JobStatus.ASSIGNED) {
                                job.unplanned();
                            }
                            // told once when it becomes so, not on every plan
                            if (job.unassignable(Unassignable.why(visit, technicians, now).orElse(null))) {
                                log.unassignable(job, now);
                            }
                        });
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package jp.otasuke.dispatch.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.events.Enums.Urgency;
import jp.otasuke.common.tx.AfterCommit;
import jp.otasuke.dispatch.DispatchConfig;
import jp.otasuke.dispatch.engineer.Engineer;
import jp.otasuke.dispatch.engineer.EngineersChanged;
import jp.otasuke.dispatch.engineer.Shift;
import jp.otasuke.dispatch.job.DispatchJob;
import jp.otasuke.dispatch.job.JobLog;
import jp.otasuke.dispatch.job.JobStatus;
import jp.otasuke.dispatch.job.JobsChanged;
import jp.otasuke.dispatch.travel.GeoPoint;
import jp.otasuke.dispatch.travel.GreatCircleTravel;
import jp.otasuke.dispatch.travel.TravelTimes;

/**
 * Keeps the schedule current: re-plans after every change that matters (a new job, a decline, a cancellation,
 * a job done) and every few minutes so ETAs follow the clock. One planning thread; requests that arrive while it
 * solves are folded into the next run. The solver works on a snapshot; its answer is applied only to jobs still
 * waiting for an engineer (UNASSIGNED or ASSIGNED), under their row locks, so an engineer's accept that raced the
 * solver always wins. Committed jobs (accepted, en route, on site) are pinned in their engineer's route.
 */
@ApplicationScoped
public class Replanner {

    /** Only one instance applies a plan at a time (transaction-scoped advisory lock). */
    private static final long PLANNER_LOCK = 0x0746_a5c0_de5eL;
    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT", DayOfWeek.SATURDAY,
            "SUN", DayOfWeek.SUNDAY);

    private final DispatchConfig config;
    private final JobLog log;
    private final AfterCommit afterCommit;
    private final TravelTimes travel;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    Replanner(DispatchConfig config, JobLog log, AfterCommit afterCommit) {
        this.config = config;
        this.log = log;
        this.afterCommit = afterCommit;
        this.travel = new GreatCircleTravel(config.travel().roadFactor(), config.travel().kmPerHour());
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

    /** Asks for a re-plan once the current transaction commits (so the planner sees its change). */
    /** Jobs came, went back or ended: plan again once that commits (never on a change that rolls back). */
    void jobsChanged(@Observes JobsChanged change) {
        afterCommit.run(wakeUps::release);
    }

    /** An engineer joined: waiting jobs may have hands now. */
    void engineersChanged(@Observes EngineersChanged change) {
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

    void replan() {
        Instant now = Instant.now();
        Schedule problem = QuarkusTransaction.requiringNew().call(() -> snapshot(now));
        if (problem.getVisits().isEmpty()) {
            return;
        }
        Solving.Result result = Solving.solve(problem, config.planning().spentLimit(), config.planning().unimprovedLimit());
        PlanSummary summary = PlanSummary.of(result.schedule());
        Log.infof("Planned %d jobs for %d engineers in %d ms: %s", problem.getVisits().size(), problem.getRoutes().size(),
                result.spent().toMillis(), summary);
        QuarkusTransaction.requiringNew().run(() -> apply(result.schedule(), now));
    }

    private Schedule snapshot(Instant now) {
        Map<UUID, Technician> technicians = new HashMap<>();
        for (Engineer engineer : Engineer.<Engineer>list("active", true)) {
            technicians.put(engineer.id, technician(engineer));
        }
        List<Visit> visits = new ArrayList<>();
        Map<UUID, List<DispatchJob>> committed = new HashMap<>();
        for (DispatchJob job : DispatchJob.planned()) {
            if (JobStatus.COMMITTED.contains(job.status)) {
                if (technicians.containsKey(job.engineerId)) {
                    committed.computeIfAbsent(job.engineerId, id -> new ArrayList<>()).add(job);
                }
                continue;
            }
            visits.add(visit(job));
        }
        List<Route> routes = new ArrayList<>();
        for (Technician technician : technicians.values()) {
            List<Visit> pinned = committed.getOrDefault(technician.id(), List.of()).stream()
                    // the job they are on first, then the one they drive to, then accepted ones by acceptance
                    .sorted(Comparator.comparing((DispatchJob j) -> -j.status.ordinal()).thenComparing(j -> j.acceptedAt,
                            Comparator.nullsLast(Comparator.naturalOrder())))
                    .map(this::visit).toList();
            visits.addAll(pinned);
            routes.add(new Route(technician, now, travel, pinned));
        }
        routes.sort(Comparator.comparing(r -> r.technician().id()));
        return new Schedule(routes, visits);
    }

    private Visit visit(DispatchJob job) {
        return new Visit(job.id, job.site(), Set.of(job.requiredSkills), job.deadline,
                job.urgency == Urgency.IMMEDIATE ? 10 : 1, config.onsiteWork(), new HashSet<>(job.declinedByList()));
    }

    private static Technician technician(Engineer engineer) {
        Set<DayOfWeek> days = new HashSet<>();
        engineer.shiftDays.forEach(d -> days.add(DAYS.get(d)));
        return new Technician(engineer.id, engineer.name, new GeoPoint(engineer.homeLatitude, engineer.homeLongitude),
                new HashSet<>(engineer.skills), new Shift(days, engineer.shiftStart, engineer.shiftEnd));
    }

    private void apply(Schedule plan, Instant now) {
        Boolean locked = (Boolean) DispatchJob.getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(" + PLANNER_LOCK + ")").getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            Log.debug("Another instance is applying a plan; this one is dropped");
            return;
        }
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

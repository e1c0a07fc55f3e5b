package jp.otasuke.dispatch.schedule;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchType;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * Runs Timefold Solver on a {@link Schedule}: stops at the time limit, or earlier once the plan has not
 * improved for a while. Plain Java, so the service and the benchmark solve the same way.
 */
public final class Solving {

    /** A plan and how long it took: to the first plan without hard violations, and to the last improvement. */
    public record Result(Schedule schedule, Duration firstFeasible, Duration lastImprovement, Duration spent) {
    }

    /**
     * Construction heuristic, then tabu search. The default late acceptance got stuck within 0.3 s on the benchmark
     * instances (travel 8% above the greedy baseline on 30/120, 167% above on 60/300); tabu search kept improving
     * (26% and 17% below, no deadline missed): benchmarks/results/dispatch-*.md.
     */
    private static final SolverConfig BASE = new SolverConfig()
            .withSolutionClass(Schedule.class)
            .withEntityClasses(Route.class, Visit.class)
            .withConstraintProviderClass(ScheduleConstraints.class)
            .withPhases(new ConstructionHeuristicPhaseConfig(),
                    new LocalSearchPhaseConfig().withLocalSearchType(LocalSearchType.TABU_SEARCH));
    private static final SolutionManager<Schedule, ?> SCORING = SolutionManager.create(SolverFactory.create(BASE));

    private Solving() {
    }

    public static Result solve(Schedule problem, Duration spentLimit, Duration unimprovedLimit) {
        SolverConfig config = new SolverConfig(BASE).withTerminationConfig(new TerminationConfig()
                .withSpentLimit(spentLimit).withUnimprovedSpentLimit(unimprovedLimit));
        Solver<Schedule> solver = SolverFactory.<Schedule>create(config).buildSolver();
        long start = System.nanoTime();
        AtomicLong firstFeasible = new AtomicLong(-1);
        AtomicLong lastImprovement = new AtomicLong();
        solver.addEventListener(event -> {
            long now = System.nanoTime() - start;
            lastImprovement.set(now);
            if (firstFeasible.get() < 0 && event.getNewBestScore().isSolutionInitialized()
                    && event.getNewBestScore().isFeasible()) {
                firstFeasible.set(now);
            }
        });
        Schedule solved = solver.solve(problem);
        long spent = System.nanoTime() - start;
        return new Result(solved, firstFeasible.get() < 0 ? null : Duration.ofNanos(firstFeasible.get()),
                Duration.ofNanos(lastImprovement.get()), Duration.ofNanos(spent));
    }

    /** Fills arrivals and the score of a plan made elsewhere (e.g. the greedy baseline), without changing it. */
    public static Schedule evaluate(Schedule plan) {
        SCORING.update(plan);
        return plan;
    }
}

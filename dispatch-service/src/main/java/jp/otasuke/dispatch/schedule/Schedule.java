package jp.otasuke.dispatch.schedule;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;

/**
 * The planning problem and its answer: every engineer's route and every open job. The score ranks plans
 * lexicographically: hard (skills, shifts, declines), then jobs left unassigned, then lateness weighted by
 * urgency, then driving time.
 */
@PlanningSolution
public class Schedule {

    static final int HARD_LEVELS = 1;
    static final int SOFT_LEVELS = 3;

    @PlanningEntityCollectionProperty
    private List<Route> routes;
    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<Visit> visits;
    @PlanningScore(bendableHardLevelsSize = HARD_LEVELS, bendableSoftLevelsSize = SOFT_LEVELS)
    private BendableLongScore score;

    Schedule() {
        // for the solver's cloning
    }

    public Schedule(List<Route> routes, List<Visit> visits) {
        this.routes = routes;
        this.visits = visits;
    }

    public List<Route> getRoutes() {
        return routes;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public BendableLongScore getScore() {
        return score;
    }

    public void setScore(BendableLongScore score) {
        this.score = score;
    }
}

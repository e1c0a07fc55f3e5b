package jp.otasuke.dispatch.schedule;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/** The rules of a good rush-out plan, most important first. */
public class ScheduleConstraints implements ConstraintProvider {

    private static final BendableLongScore HARD = BendableLongScore.ofHard(Schedule.HARD_LEVELS, Schedule.SOFT_LEVELS, 0, 1);
    private static final BendableLongScore UNASSIGNED = BendableLongScore.ofSoft(Schedule.HARD_LEVELS, Schedule.SOFT_LEVELS, 0, 1);
    private static final BendableLongScore LATE = BendableLongScore.ofSoft(Schedule.HARD_LEVELS, Schedule.SOFT_LEVELS, 1, 1);
    private static final BendableLongScore TRAVEL = BendableLongScore.ofSoft(Schedule.HARD_LEVELS, Schedule.SOFT_LEVELS, 2, 1);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                factory.forEach(Visit.class).filter(Visit::skillsMissing).penalize(HARD).asConstraint("engineer lacks a required skill"),
                factory.forEach(Visit.class).filter(Visit::outsideEveryShift).penalize(HARD).asConstraint("work fits in no shift"),
                factory.forEach(Visit.class).filter(Visit::declinedByItsEngineer).penalize(HARD)
                        .asConstraint("engineer declined this job"),
                factory.forEachIncludingUnassigned(Visit.class).filter(v -> !v.isAssigned()).penalize(UNASSIGNED)
                        .asConstraint("job left unassigned"),
                factory.forEach(Visit.class).filter(v -> v.minutesLate() > 0)
                        .penalizeLong(LATE, v -> v.minutesLate() * v.getUrgencyWeight()).asConstraint("late against the deadline"),
                factory.forEach(Route.class).penalizeLong(TRAVEL, Route::travelSeconds).asConstraint("driving time")
        };
    }
}

package jp.otasuke.dispatch.schedule;

/** What a plan is worth to the people waiting for an engineer: the benchmark's and the log's figures. */
public record PlanSummary(long hardViolations, long unassigned, long late, double roadKm) {

    public static PlanSummary of(Schedule plan) {
        long unassigned = plan.getVisits().stream().filter(v -> !v.isAssigned()).count();
        long late = plan.getVisits().stream().filter(v -> v.minutesLate() > 0).count();
        double km = plan.getRoutes().stream().mapToDouble(Route::roadKm).sum();
        return new PlanSummary(-plan.getScore().hardScore(0), unassigned, late, km);
    }

    /** Deadlines missed: jobs late, plus jobs nobody was sent to. */
    public long missedDeadlines() {
        return late + unassigned;
    }
}

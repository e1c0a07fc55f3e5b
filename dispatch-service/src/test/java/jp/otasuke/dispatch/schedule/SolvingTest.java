package jp.otasuke.dispatch.schedule;

import static jp.otasuke.dispatch.schedule.Kanto.ALWAYS;
import static jp.otasuke.dispatch.schedule.Kanto.CHIBA;
import static jp.otasuke.dispatch.schedule.Kanto.NOW;
import static jp.otasuke.dispatch.schedule.Kanto.OMIYA;
import static jp.otasuke.dispatch.schedule.Kanto.SHINJUKU;
import static jp.otasuke.dispatch.schedule.Kanto.TRAVEL;
import static jp.otasuke.dispatch.schedule.Kanto.YOKOHAMA;
import static jp.otasuke.dispatch.schedule.Kanto.engineer;
import static jp.otasuke.dispatch.schedule.Kanto.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import jp.otasuke.dispatch.engineer.Shift;

/** The schedule's rules on small Kanto instances, solved by the real Timefold solver. */
class SolvingTest {

    @Test
    void aJobGoesToAnEngineerWithTheSkillsEvenIfAnotherIsCloser() {
        Technician near = engineer("Near, network only", YOKOHAMA, ALWAYS, "network");
        Technician far = engineer("Far, forensics", OMIYA, ALWAYS, "network", "forensics");
        Visit ransomware = job(YOKOHAMA, Duration.ofHours(4), "forensics");

        Schedule plan = solve(List.of(near, far), List.of(ransomware));
        assertEquals(far, in(plan, ransomware).getRoute().technician());
        assertEquals(0, PlanSummary.of(plan).hardViolations());
    }

    @Test
    void nobodyWorksOutsideTheirShiftAndAJobNobodyCanDoStaysUnassigned() {
        Shift nights = new Shift(EnumSet.allOf(DayOfWeek.class), LocalTime.of(22, 0), LocalTime.of(23, 59));
        Technician nightOwl = engineer("Night shift", SHINJUKU, nights, "endpoint");
        Visit pc = job(SHINJUKU, Duration.ofHours(4), "endpoint");
        Visit router = job(SHINJUKU, Duration.ofHours(4), "fortigate");

        Schedule plan = solve(List.of(nightOwl), List.of(pc, router));
        Visit planned = in(plan, pc);
        assertTrue(nightOwl.shift().covers(planned.getArrival(), planned.departure()), "work starts and ends inside the shift");
        assertTrue(planned.minutesLate() > 0, "10:00 request, 4 h deadline, first shift at 22:00: late, but not outside it");
        assertNull(in(plan, router).getRoute(), "nobody has the skill");
        assertEquals(0, PlanSummary.of(plan).hardViolations());
    }

    @Test
    void jobsAnEngineerIsCommittedToStayTheirsAndInOrder() {
        Technician tokyo = engineer("Committed in Chiba", SHINJUKU, ALWAYS, "endpoint");
        Technician chiba = engineer("Lives in Chiba", CHIBA, ALWAYS, "endpoint");
        Visit accepted = job(CHIBA, Duration.ofHours(4), "endpoint");
        Route committed = new Route(tokyo, NOW, TRAVEL, List.of(accepted));
        Route free = new Route(chiba, NOW, TRAVEL, List.of());
        Visit newcomer = job(SHINJUKU, Duration.ofHours(8), "endpoint");

        Schedule plan = Solving.solve(new Schedule(new ArrayList<>(List.of(committed, free)),
                new ArrayList<>(List.of(accepted, newcomer))), Duration.ofSeconds(2), Duration.ofMillis(300)).schedule();
        Visit stays = in(plan, accepted);
        assertEquals(tokyo, stays.getRoute().technician(), "pinned although the Chiba engineer is closer");
        assertEquals(0, stays.getRoute().getVisits().indexOf(stays));
    }

    @Test
    void anEngineerWhoDeclinedIsNotGivenTheJobAgain() {
        Technician decliner = engineer("Declined", YOKOHAMA, ALWAYS, "endpoint");
        Technician other = engineer("Other", OMIYA, ALWAYS, "endpoint");
        Visit job = new Visit(java.util.UUID.randomUUID(), YOKOHAMA, Set.of("endpoint"), NOW.plus(Duration.ofHours(4)), 10,
                Duration.ofHours(1), Set.of(decliner.id()));

        Schedule plan = solve(List.of(decliner, other), List.of(job));
        assertEquals(other, in(plan, job).getRoute().technician());
    }

    @Test
    void urgentJobsAreServedFirstWhenOneEngineerHasTwo() {
        Technician only = engineer("Only one", SHINJUKU, ALWAYS, "endpoint");
        Visit nextDay = new Visit(java.util.UUID.randomUUID(), SHINJUKU, Set.of("endpoint"), NOW.plus(Duration.ofHours(26)), 1,
                Duration.ofHours(2), Set.of());
        Visit immediate = job(YOKOHAMA, Duration.ofHours(2), "endpoint");

        Schedule plan = solve(List.of(only), List.of(nextDay, immediate));
        Visit first = in(plan, immediate);
        assertEquals(List.of(first, in(plan, nextDay)), first.getRoute().getVisits());
        assertEquals(0, first.minutesLate());
    }

    /** The solver answers with a copy of the problem: the same job in the plan. */
    private static Visit in(Schedule plan, Visit job) {
        return plan.getVisits().stream().filter(v -> v.getJobId().equals(job.getJobId())).findFirst().orElseThrow();
    }

    private static Schedule solve(List<Technician> technicians, List<Visit> visits) {
        List<Route> routes = new ArrayList<>();
        technicians.forEach(t -> routes.add(new Route(t, NOW, TRAVEL, List.of())));
        return Solving.solve(new Schedule(routes, new ArrayList<>(visits)), Duration.ofSeconds(2), Duration.ofMillis(300))
                .schedule();
    }
}

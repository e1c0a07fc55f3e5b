package jp.otasuke.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jp.otasuke.dispatch.travel.GeoPoint;
import jp.otasuke.dispatch.travel.GreatCircleTravel;
import jp.otasuke.dispatch.schedule.GreedyPlan;
import jp.otasuke.dispatch.schedule.PlanSummary;
import jp.otasuke.dispatch.schedule.Route;
import jp.otasuke.dispatch.schedule.Schedule;
import jp.otasuke.dispatch.engineer.Shift;
import jp.otasuke.dispatch.schedule.Solving;
import jp.otasuke.dispatch.schedule.Technician;
import jp.otasuke.dispatch.travel.TravelTimes;
import jp.otasuke.dispatch.schedule.Visit;

/**
 * dispatch-service's schedule on generated Kanto-area instances: the Timefold plan (as the service makes it,
 * {@code Solving}) against the greedy baseline (nearest free skilled engineer, {@code GreedyPlan}) in the same
 * run, on the same instances. Writes {@code benchmarks/results/dispatch-DATE.md}. Run it with
 * {@code benchmarks/run-dispatch.sh}; {@code -Dbench.spentLimit=PT5S}, {@code -Dbench.seed=...}.
 */
public final class DispatchBenchmark {

    private static final Duration SPENT_LIMIT = Duration.parse(System.getProperty("bench.spentLimit", "PT5S"));
    private static final long SEED = Long.getLong("bench.seed", 20261126L);
    /** A Wednesday, 10:00 in Japan: the moment of planning. */
    private static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
    private static final TravelTimes TRAVEL = new GreatCircleTravel(1.3, 30);
    private static final List<String> SKILLS = List.of("endpoint", "network", "forensics");
    private static final Shift OFFICE = new Shift(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
            LocalTime.of(18, 0));
    private static final Shift LONG_DAYS = new Shift(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(20, 0));

    private record Row(String instance, String method, PlanSummary summary, Duration firstFeasible, Duration done) {
    }

    public static void main(String[] args) throws Exception {
        List<Row> rows = new ArrayList<>();
        int[][] sizes = {{30, 120}, {60, 300}};
        // a small instance first, so class loading and JIT do not count against the first measured one
        run("warm-up", 5, 20, new Random(1), new ArrayList<>());
        for (int[] size : sizes) {
            run(size[0] + " engineers / " + size[1] + " jobs", size[0], size[1], new Random(SEED + size[1]), rows);
        }
        report(rows);
    }

    private static void run(String name, int engineers, int jobs, Random random, List<Row> rows) {
        List<Technician> technicians = new ArrayList<>();
        for (int i = 0; i < engineers; i++) {
            Set<String> skills = new HashSet<>();
            skills.add(SKILLS.get(random.nextInt(SKILLS.size())));
            if (random.nextDouble() < 0.5) {
                skills.add(SKILLS.get(random.nextInt(SKILLS.size())));
            }
            technicians.add(new Technician(UUID.randomUUID(), "Engineer " + i, kanto(random), skills,
                    random.nextDouble() < 0.7 ? OFFICE : LONG_DAYS));
        }
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            boolean immediate = random.nextDouble() < 0.4;
            Instant deadline = immediate ? NOW.plus(Duration.ofHours(4)) : Instant.parse("2026-11-26T03:00:00Z");
            visits.add(new Visit(UUID.randomUUID(), kanto(random), Set.of(SKILLS.get(random.nextInt(SKILLS.size()))), deadline,
                    immediate ? 10 : 1, Duration.ofMinutes(60 + 30 * random.nextInt(3)), Set.of()));
        }

        long start = System.nanoTime();
        Schedule greedy = GreedyPlan.of(technicians, copies(visits), NOW, TRAVEL);
        Duration greedyTime = Duration.ofNanos(System.nanoTime() - start);
        List<Route> routes = technicians.stream().map(t -> new Route(t, NOW, TRAVEL, List.of())).toList();
        Solving.Result solved = Solving.solve(new Schedule(new ArrayList<>(routes), copies(visits)), SPENT_LIMIT,
                SPENT_LIMIT);
        Row greedyRow = new Row(name, "greedy (nearest free skilled engineer)", PlanSummary.of(greedy), greedyTime, greedyTime);
        Row solverRow = new Row(name, "Timefold " + SPENT_LIMIT.toSeconds() + " s", PlanSummary.of(solved.schedule()),
                solved.firstFeasible(), solved.lastImprovement());
        System.out.println(greedyRow + " score " + greedy.getScore());
        System.out.println(solverRow + " score " + solved.schedule().getScore());
        rows.add(greedyRow);
        rows.add(solverRow);
    }

    /** Each method plans its own copies of the jobs. */
    private static List<Visit> copies(List<Visit> visits) {
        return new ArrayList<>(visits.stream().map(v -> new Visit(v.getJobId(), v.getSite(), v.getRequiredSkills(),
                v.getDeadline(), v.getUrgencyWeight(), v.getWork(), v.getDeclinedBy())).toList());
    }

    /** A place in the Kanto plain: Tokyo, Kanagawa, Saitama, Chiba, southern Ibaraki. */
    private static GeoPoint kanto(Random random) {
        return new GeoPoint(35.30 + random.nextDouble() * 0.75, 139.30 + random.nextDouble() * 0.90);
    }

    private static void report(List<Row> rows) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# dispatch-service schedule benchmark, ").append(LocalDate.now()).append("\n\n");
        md.append("Machine: ").append(BenchPlatform.machine()).append("\n\n");
        md.append("Command: `benchmarks/run-dispatch.sh` (seed ").append(SEED).append(", solver limit ")
                .append(SPENT_LIMIT.toSeconds()).append(" s). Instances: engineers' homes and SME sites uniformly in the Kanto ")
                .append("plain (35.30–36.05 N, 139.30–140.20 E), 1–2 of 3 skills per engineer, 70% weekday 09–18 shifts, ")
                .append("30% daily 08–20; jobs need 1 skill, 40% IMMEDIATE (4 h), 60% next business day noon, 1–2 h on ")
                .append("site; planning at Wednesday 10:00 JST; travel = great circle × 1.3 at 30 km/h.\n\n");
        md.append("| instance | method | hard violations | unassigned | late | deadlines missed | travel km | first feasible s | final s |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append(String.format("| %s | %s | %d | %d | %d | %d | %.0f | %s | %s |%n", r.instance(), r.method(),
                    r.summary().hardViolations(), r.summary().unassigned(), r.summary().late(), r.summary().missedDeadlines(),
                    r.summary().roadKm(), seconds(r.firstFeasible()), seconds(r.done())));
        }
        for (int i = 0; i + 1 < rows.size(); i += 2) {
            PlanSummary greedy = rows.get(i).summary();
            PlanSummary solver = rows.get(i + 1).summary();
            md.append(String.format("%n%s: travel %.0f%% of greedy's (%.0f%% less); deadlines missed %d vs %d.",
                    rows.get(i).instance(), 100 * solver.roadKm() / greedy.roadKm(), 100 - 100 * solver.roadKm() / greedy.roadKm(),
                    solver.missedDeadlines(), greedy.missedDeadlines()));
        }
        md.append("\n");
        System.out.println(md);
        Path out = Path.of("benchmarks/results/dispatch-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println("Written to " + out);
    }

    private static String seconds(Duration d) {
        return d == null ? "never" : String.format("%.2f", d.toMillis() / 1000.0);
    }
}

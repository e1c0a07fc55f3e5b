package jp.otasuke.dispatch.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.otasuke.dispatch.DispatchConfig;
import jp.otasuke.dispatch.engineer.Engineer;
import jp.otasuke.dispatch.job.DispatchJob;
import jp.otasuke.dispatch.travel.GeoPoint;
import jp.otasuke.dispatch.travel.TravelTimes;

/**
 * Who could take a job, for the SOC to choose: each active engineer who has not declined it, with when they would
 * arrive if it came next after the jobs they are committed to (accepted, on the way, on site, or chosen for them),
 * how late that is, which of its skills they lack and how far they drive. Their other planned jobs may move behind it,
 * as the planner would move them.
 */
@ApplicationScoped
public class Candidates {

    /** Best first: on time with every skill, then on time lacking one, then late (least late first). */
    static final Comparator<Candidate> BEST_FIRST = Comparator.comparing((Candidate c) -> c.eta() == null)
            .thenComparing(c -> c.lateByMinutes() != null).thenComparing(c -> c.missingSkills().size())
            .thenComparing(c -> c.lateByMinutes() == null ? 0 : c.lateByMinutes())
            .thenComparing(Candidate::eta, Comparator.nullsLast(Comparator.naturalOrder()));

    private final DispatchConfig config;
    private final TravelTimes travel;

    Candidates(DispatchConfig config, TravelTimes travel) {
        this.config = config;
        this.travel = travel;
    }

    /** An engineer who could take the job; {@code eta} null when no shift of theirs in the next two weeks fits it. */
    public record Candidate(UUID engineerId, String name, Instant eta, Long lateByMinutes, List<String> missingSkills,
            double distanceKm) {
    }

    /** Every engineer who could be chosen for the job, best first. */
    public List<Candidate> of(DispatchJob job, Instant now) {
        List<DispatchJob> pinned = DispatchJob.planned();
        List<Candidate> candidates = new ArrayList<>();
        for (Engineer engineer : Engineer.<Engineer>list("active", true)) {
            if (!job.declinedByList().contains(engineer.id)) {
                candidates.add(of(job, engineer, pinned, now));
            }
        }
        candidates.sort(BEST_FIRST);
        return candidates;
    }

    /** The one engineer as a candidate for the job (skills as the job requires them now). */
    public Candidate of(DispatchJob job, Engineer engineer, Instant now) {
        return of(job, engineer, DispatchJob.planned(), now);
    }

    private Candidate of(DispatchJob job, Engineer engineer, List<DispatchJob> planned, Instant now) {
        Technician technician = Technician.of(engineer);
        List<Visit> route = new ArrayList<>(planned.stream()
                .filter(j -> !j.id.equals(job.id) && engineer.id.equals(Replanner.pinnedTo(j)))
                .sorted(Replanner.PINNED_ORDER).map(this::visit).toList());
        Visit visit = visit(job);
        route.add(visit);
        List<Instant> arrivals = new Route(technician, now, travel, route).arrivals();
        Instant eta = arrivals.get(arrivals.size() - 1);
        GeoPoint from = route.size() == 1 ? technician.home() : route.get(route.size() - 2).getSite();
        List<String> missing = List.of(job.requiredSkills).stream().filter(s -> !technician.skills().contains(s)).toList();
        return new Candidate(engineer.id, engineer.name, eta, eta == null ? null : jp.otasuke.common.time.Lateness.minutesLate(job.deadline, eta),
                missing, Math.round(travel.roadKm(from, job.site()) * 10) / 10.0);
    }

    private Visit visit(DispatchJob job) {
        return Visit.of(job, config.onsiteWork());
    }
}

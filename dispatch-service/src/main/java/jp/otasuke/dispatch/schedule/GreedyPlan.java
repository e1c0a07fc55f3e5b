package jp.otasuke.dispatch.schedule;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import jp.otasuke.dispatch.travel.GeoPoint;
import jp.otasuke.dispatch.travel.TravelTimes;

/**
 * The baseline the solver must beat: jobs by deadline, each to the nearest skilled engineer who is still free
 * (or, when none is, the nearest skilled one), appended to their route. What a dispatcher with a map would do.
 */
public final class GreedyPlan {

    private GreedyPlan() {
    }

    public static Schedule of(List<Technician> technicians, List<Visit> visits, Instant now, TravelTimes travel) {
        List<Route> routes = technicians.stream().map(t -> new Route(t, now, travel, List.of())).toList();
        for (Visit visit : visits.stream().sorted(Comparator.comparing(Visit::getDeadline)).toList()) {
            List<Route> skilled = routes.stream().filter(r -> r.technician().canDo(visit.getRequiredSkills())
                    && !visit.getDeclinedBy().contains(r.technician().id())).toList();
            List<Route> free = skilled.stream().filter(r -> r.getVisits().isEmpty()).toList();
            (free.isEmpty() ? skilled : free).stream()
                    .min(Comparator.comparingDouble(r -> lastPlace(r).kmTo(visit.getSite())))
                    .ifPresent(r -> r.getVisits().add(visit));
        }
        return Solving.evaluate(new Schedule(routes, visits));
    }

    private static GeoPoint lastPlace(Route route) {
        List<Visit> visits = route.getVisits();
        return visits.isEmpty() ? route.technician().home() : visits.get(visits.size() - 1).getSite();
    }
}

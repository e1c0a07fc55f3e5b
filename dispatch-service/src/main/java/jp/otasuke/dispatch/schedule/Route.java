package jp.otasuke.dispatch.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import jp.otasuke.dispatch.engineer.Shift;
import jp.otasuke.dispatch.travel.GeoPoint;
import jp.otasuke.dispatch.travel.TravelTimes;

/**
 * One engineer's visits in order. The first {@code committed} visits are the jobs the engineer already
 * accepted, is driving to or is working on: pinned, so re-planning never takes them away or reorders them.
 */
@PlanningEntity
public class Route {

    @PlanningId
    private String id;
    private Technician technician;
    private Instant availableFrom;
    private TravelTimes travel;
    /** The engineer's shift windows from {@code availableFrom} on (epoch seconds), shared by the solver's clones. */
    private long[] windows;
    @PlanningListVariable(allowsUnassignedValues = true)
    private List<Visit> visits = new ArrayList<>();
    @PlanningPinToIndex
    private int committed;

    Route() {
        // for the solver's cloning
    }

    public Route(Technician technician, Instant availableFrom, TravelTimes travel, List<Visit> committedVisits) {
        this.id = technician.id().toString();
        this.technician = technician;
        this.availableFrom = availableFrom;
        this.travel = travel;
        this.windows = technician.shift().windows(availableFrom);
        this.visits = new ArrayList<>(committedVisits);
        this.committed = committedVisits.size();
    }

    public double roadKm() {
        return visits.stream().mapToDouble(Visit::kmToHere).sum();
    }

    /** Driving time in seconds along the route, the last thing the solver saves on. */
    public long travelSeconds() {
        long seconds = 0;
        GeoPoint from = technician.home();
        for (Visit visit : visits) {
            seconds += travel.between(from, visit.getSite()).toSeconds();
            from = visit.getSite();
        }
        return seconds;
    }

    /** When the engineer, free at {@code ready} at {@code from}, starts the visit: after the drive, inside a shift; or null. */
    Instant arrival(Instant ready, GeoPoint from, Visit visit) {
        return earliestStart(ready.plus(travel.between(from, visit.getSite())), visit.getWork());
    }

    /**
     * The arrivals along the route in its order, as the solver computes them (null from the first that fits in no
     * shift): for a what-if outside the solver, such as a candidate for one more job.
     */
    List<Instant> arrivals() {
        List<Instant> arrivals = new ArrayList<>();
        Instant ready = availableFrom;
        GeoPoint from = technician.home();
        for (Visit visit : visits) {
            Instant arrival = ready == null ? null : arrival(ready, from, visit);
            arrivals.add(arrival);
            ready = arrival == null ? null : arrival.plus(visit.getWork());
            from = visit.getSite();
        }
        return arrivals;
    }

    /** The first moment at or after {@code ready} when {@code work} fits in a shift of this engineer, or null. */
    Instant earliestStart(Instant ready, java.time.Duration work) {
        long start = Shift.earliestStart(windows, ready.getEpochSecond() + (ready.getNano() > 0 ? 1 : 0), work.getSeconds());
        return start < 0 ? null : Instant.ofEpochSecond(start);
    }

    public Technician technician() {
        return technician;
    }

    public Instant availableFrom() {
        return availableFrom;
    }

    public TravelTimes travel() {
        return travel;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    public int getCommitted() {
        return committed;
    }

    @Override
    public String toString() {
        return "Route of " + technician.name();
    }
}

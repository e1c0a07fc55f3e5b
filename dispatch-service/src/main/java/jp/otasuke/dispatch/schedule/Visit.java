package jp.otasuke.dispatch.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.CascadingUpdateShadowVariable;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import jp.otasuke.dispatch.travel.GeoPoint;

/**
 * A job to be visited: where, what skills, by when, how urgent, and who must not get it (engineers who
 * declined). The solver places it in a route; its arrival follows from the route (travel from the previous
 * place, then the first moment the work fits in the engineer's shift).
 */
@PlanningEntity
public class Visit {

    @PlanningId
    private UUID jobId;
    private GeoPoint site;
    private Set<String> requiredSkills;
    private Instant deadline;
    /** How much a minute late costs: an IMMEDIATE job weighs more than a next-business-day one. */
    private int urgencyWeight;
    private Duration work;
    private Set<UUID> declinedBy;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private Route route;
    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private Visit previous;
    @CascadingUpdateShadowVariable(targetMethodName = "updateArrival")
    private Instant arrival;

    Visit() {
        // for the solver's cloning
    }

    public Visit(UUID jobId, GeoPoint site, Set<String> requiredSkills, Instant deadline, int urgencyWeight, Duration work,
            Set<UUID> declinedBy) {
        this.jobId = jobId;
        this.site = site;
        this.requiredSkills = Set.copyOf(requiredSkills);
        this.deadline = deadline;
        this.urgencyWeight = urgencyWeight;
        this.work = work;
        this.declinedBy = Set.copyOf(declinedBy);
    }

    /** The job as the schedule sees it, with the work it takes on site. */
    public static Visit of(jp.otasuke.dispatch.job.DispatchJob job, Duration work) {
        return new Visit(job.id, job.site(), Set.of(job.requiredSkills), job.deadline,
                job.urgency == jp.otasuke.common.events.Enums.Urgency.IMMEDIATE ? 10 : 1, work, Set.copyOf(job.declinedByList()));
    }

        /** Arrival: after the previous visit's work and the drive from there (or from home), inside a shift. */
    void updateArrival() {
        if (route == null) {
            arrival = null;
            return;
        }
        Instant ready;
        GeoPoint from;
        if (previous == null) {
            ready = route.availableFrom();
            from = route.technician().home();
        } else if (previous.arrival == null) {
            arrival = null;
            return;
        } else {
            ready = previous.departure();
            from = previous.site;
        }
        arrival = route.arrival(ready, from, this);
    }

    public Instant departure() {
        return arrival == null ? null : arrival.plus(work);
    }

    /** The road km driven to reach this visit (from the previous one, or from home). */
    public double kmToHere() {
        if (route == null) {
            return 0;
        }
        GeoPoint from = previous == null ? route.technician().home() : previous.site;
        return route.travel().roadKm(from, site);
    }

    public long minutesLate() {
        Long late = arrival == null ? null : jp.otasuke.common.time.Lateness.minutesLate(deadline, arrival);
        return late == null ? 0 : late;
    }

    public boolean isAssigned() {
        return route != null;
    }

    public boolean skillsMissing() {
        return route != null && !route.technician().canDo(requiredSkills);
    }

    public boolean declinedByItsEngineer() {
        return route != null && declinedBy.contains(route.technician().id());
    }

    /** Assigned but no shift of the engineer in the next two weeks can take it. */
    public boolean outsideEveryShift() {
        return route != null && arrival == null;
    }

    public UUID getJobId() {
        return jobId;
    }

    public GeoPoint getSite() {
        return site;
    }

    public Set<String> getRequiredSkills() {
        return requiredSkills;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public int getUrgencyWeight() {
        return urgencyWeight;
    }

    public Duration getWork() {
        return work;
    }

    public Route getRoute() {
        return route;
    }

    public Visit getPrevious() {
        return previous;
    }

    public Instant getArrival() {
        return arrival;
    }

    public Set<UUID> getDeclinedBy() {
        return declinedBy;
    }

    @Override
    public String toString() {
        return "Visit " + jobId;
    }
}

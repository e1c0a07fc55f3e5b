package jp.otasuke.dispatch.action;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.problem.Refusal;
import jp.otasuke.common.text.Sentence;
import jp.otasuke.contract.problem.Problem;
import jp.otasuke.dispatch.DispatchConfig;
import jp.otasuke.dispatch.job.DispatchJob;
import jp.otasuke.dispatch.job.DispatchTexts;
import jp.otasuke.dispatch.job.JobLog;
import jp.otasuke.dispatch.job.JobView;
import jp.otasuke.dispatch.job.JobsChanged;
import jp.otasuke.dispatch.travel.GeoPoint;
import jp.otasuke.dispatch.travel.TravelTimes;

/**
 * Applies an engineer's action under the job's row lock, and records its answer by operation id in the same
 * transaction: the same operation sent twice (the phone retrying on bad signal) is answered as the first time
 * and changes nothing more. Refusals (409) are recorded and replayed too.
 */
@ApplicationScoped
public class JobActions {

    /**
     * What the phone gets, the same on every replay: the job as it now is (its JSON, byte for byte), or the
     * refusal, which the edge raises like every other.
     */
    public record Answer(String job, Problem refused) {

        /** The job's JSON; a refusal is thrown, for ProblemMappers to write. */
        public String orRaise() {
            if (refused != null) {
                throw ProblemException.of(refused);
            }
            return job;
        }
    }

    /** A phone's clock may be a little ahead; an action from further in the future is refused. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);


    private final DispatchConfig config;
    private final JobLog log;
    private final Event<JobsChanged> changed;
    private final ObjectMapper json;
    private final TravelTimes travel;

    JobActions(DispatchConfig config, JobLog log, Event<JobsChanged> changed, ObjectMapper json, TravelTimes travel) {
        this.config = config;
        this.log = log;
        this.changed = changed;
        this.json = json;
        this.travel = travel;
    }

    @Transactional
    public Answer apply(UUID jobId, UUID engineer, ActionRequest action, Locale locale) {
        DispatchJob job = DispatchJob.forUpdate(jobId).orElseThrow(() -> ProblemException.notFound("Job " + jobId));
        Optional<JobAction> earlier = JobAction.findByIdOptional(action.opId());
        if (earlier.isPresent() && earlier.get().engineerId.equals(engineer) && earlier.get().jobId.equals(jobId)) {
            return recorded(earlier.get()); // the phone sent it again
        }
        boolean everMine = engineer.equals(job.engineerId) || job.declinedByList().contains(engineer);
        if (!everMine) {
            // another engineer's job is not shown to exist, not even through an opId replayed onto it
            throw ProblemException.notFound("Job " + jobId);
        }
        if (earlier.isPresent()) {
            throw Refusal.conflict("job.operation-id-reused", "Operation id " + action.opId() + " was used for another action",
                    "opId", action.opId()).atField("opId").problem();
        }
        if (action.at().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw ProblemException.badField("at", DispatchTexts.render(Sentence.of("at.future"), locale));
        }
        if (action.at().isBefore(job.createdAt.minus(CLOCK_SKEW))) {
            throw ProblemException.badField("at", DispatchTexts.render(Sentence.of("at.before-job"), locale));
        }
        Answer answer = decide(job, engineer, action, locale);
        JobAction record = new JobAction();
        record.opId = action.opId();
        record.jobId = jobId;
        record.engineerId = engineer;
        record.type = action.type().name();
        record.at = action.at();
        record.receivedAt = Instant.now();
        record.status = answer.refused() == null ? 200 : answer.refused().status();
        record.response = answer.refused() == null ? answer.job() : write(answer.refused());
        record.persist();
        return answer;
    }

    private Answer decide(DispatchJob job, UUID engineer, ActionRequest action, Locale locale) {
        Optional<Refusal> refusal = job.refusal(engineer, locale);
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        switch (action.type()) {
            case ACCEPT -> {
                if (job.accept(action.at()) == DispatchJob.Effect.MOVED) {
                    log.accepted(job);
                    changed.fire(new JobsChanged()); // pinned in the engineer's route from now on
                }
            }
            case DECLINE -> {
                Optional<Refusal> refused = job.decline(engineer, locale);
                if (refused.isPresent()) {
                    return refused(refused.get());
                }
                log.declined(job, engineer, action.reason() == null ? "declined" : action.reason(), action.at());
                changed.fire(new JobsChanged());
            }
            case DEPART -> {
                if (job.depart(action.at()) == DispatchJob.Effect.MOVED) {
                    log.enRoute(job, eta(job, action));
                }
            }
            case ARRIVE -> {
                if (job.arrive(action.at(), action.latitude(), action.longitude(), config.farFromSiteMeters())
                        != DispatchJob.Effect.NOTHING) {
                    log.arrived(job); // also when it arrives after the check-out: the arrival time is evidence
                }
            }
            case COMPLETE -> {
                if (action.report() == null) {
                    throw ProblemException.badRequest("COMPLETE needs the report {summary, laborMinutes, travelKm, expenses}");
                }
                if (job.complete(action.at(), action.report(), config.rates().laborPerHourYen(),
                        config.rates().travelPerKmYen()) == DispatchJob.Effect.MOVED) {
                    log.completed(job);
                    changed.fire(new JobsChanged());
                }
            }
        }
        return new Answer(write(JobView.full(job, locale)), null);
    }

    /** Estimated arrival when the engineer sets off: from where they are (if the phone says) or from home. */
    private java.time.Instant eta(DispatchJob job, ActionRequest action) {
        if (action.latitude() != null && action.longitude() != null) {
            return action.at().plus(travel.between(new GeoPoint(action.latitude(), action.longitude()), job.site()));
        }
        return job.plannedArrival;
    }

    private static Answer refused(Refusal refusal) {
        return new Answer(null, refusal.problem().problem());
    }

    private Answer recorded(JobAction earlier) {
        if (earlier.status == 200) {
            return new Answer(earlier.response, null);
        }
        try {
            return new Answer(null, json.readValue(earlier.response, Problem.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Recorded answer of operation " + earlier.opId + " is not a problem document", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

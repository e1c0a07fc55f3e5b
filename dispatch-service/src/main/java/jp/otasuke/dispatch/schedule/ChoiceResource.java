package jp.otasuke.dispatch.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.problem.Refusal;
import jp.otasuke.common.security.Caller;
import jp.otasuke.common.text.Languages;
import jp.otasuke.common.text.Sentence;
import jp.otasuke.contract.security.Roles;
import jp.otasuke.dispatch.engineer.Engineer;
import jp.otasuke.dispatch.job.DispatchJob;
import jp.otasuke.dispatch.job.DispatchTexts;
import jp.otasuke.dispatch.job.JobLog;
import jp.otasuke.dispatch.job.JobStatus;
import jp.otasuke.dispatch.job.JobView;
import jp.otasuke.dispatch.job.JobsChanged;

/**
 * The SOC overrides the planner: it sees who could take a job (when they would arrive, how late, which skills they
 * lack) and gives the job to one of them, dropping skills the job was given that the chosen engineer lacks. The job
 * then stays with that engineer through every re-plan unless they decline it; once accepted it is theirs.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ChoiceResource {

    private final Candidates candidates;
    private final JobLog log;
    private final Event<JobsChanged> changed;
    private final Caller caller;

    ChoiceResource(Candidates candidates, JobLog log, Event<JobsChanged> changed, Caller caller) {
        this.candidates = candidates;
        this.log = log;
        this.changed = changed;
        this.caller = caller;
    }

    /** {@code dropSkills}: skills the job requires that the chosen engineer may lack (the SOC knows it can do without). */
    public record AssignRequest(@NotNull UUID engineerId, List<String> dropSkills) {
    }

    @GET
    @Path("/jobs/{id}/candidates")
    @RolesAllowed(Roles.SOC_OPERATOR)
    @Transactional
    public List<Candidates.Candidate> candidates(@PathParam("id") UUID id, @HeaderParam("Accept-Language") String language) {
        DispatchJob job = DispatchJob.<DispatchJob>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Job " + id));
        Refusal.raiseIf(tooLate(job, locale(language)));
        return candidates.of(job, Instant.now());
    }

    @POST
    @Path("/jobs/{id}/assign")
    @RolesAllowed(Roles.SOC_OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public JobView assign(@PathParam("id") UUID id, @HeaderParam("Accept-Language") String language,
            @Valid @NotNull AssignRequest request) {
        Locale locale = locale(language);
        DispatchJob job = DispatchJob.forUpdate(id).orElseThrow(() -> ProblemException.notFound("Job " + id));
        Refusal.raiseIf(tooLate(job, locale));
        Engineer engineer = Engineer.<Engineer>findByIdOptional(request.engineerId()).filter(e -> e.active)
                .orElseThrow(() -> ProblemException.badField("engineerId", words(Sentence.of("refused.assign-unknown-engineer"), locale)));
        if (job.declinedByList().contains(engineer.id)) {
            throw Refusal.conflict("job.assign-declined", words(Sentence.of("refused.assign-declined", "engineer", engineer.name),
                    locale), "engineer", engineer.name).problem();
        }
        List<String> required = new ArrayList<>(List.of(job.requiredSkills));
        for (String drop : Optional.ofNullable(request.dropSkills()).orElse(List.of())) {
            if (!required.remove(drop)) {
                throw ProblemException.badField("dropSkills", words(Sentence.of("refused.assign-skill-not-required", "skill", drop),
                        locale));
            }
        }
        List<String> missing = required.stream().filter(s -> !engineer.skills.contains(s)).toList();
        if (!missing.isEmpty()) {
            throw Refusal.unprocessable("job.assign-missing-skills", words(Sentence.of("refused.assign-missing-skills",
                    "engineer", engineer.name, "skills", missing), locale), "engineer", engineer.name,
                    "missingSkills", missing).atField("dropSkills").problem();
        }
        job.requiredSkills = required.toArray(String[]::new);
        Candidates.Candidate chosen = candidates.of(job, engineer, Instant.now());
        if (chosen.eta() == null) {
            throw Refusal.unprocessable("job.assign-no-shift", words(Sentence.of("refused.assign-no-shift", "engineer",
                    engineer.name), locale), "engineer", engineer.name).atField("engineerId").problem();
        }
        job.chosenEngineerId = engineer.id;
        job.chosenBy = caller.username();
        job.plannedFor(engineer.id, engineer.name, chosen.eta());
        log.assigned(job, Instant.now());
        changed.fire(new JobsChanged()); // the planner keeps it with them, and moves their other planned jobs behind it
        return JobView.full(job, locale);
    }

    /** Once an engineer has taken the job (or it ended), it is theirs: the SOC's choice comes too late. */
    private static Optional<Refusal> tooLate(DispatchJob job, Locale locale) {
        if (job.status == JobStatus.UNASSIGNED || job.status == JobStatus.ASSIGNED) {
            return Refusal.none();
        }
        return Optional.of(Refusal.conflict("job.assign-too-late", words(Sentence.of("refused.assign-too-late", "status",
                job.status), locale), "status", job.status));
    }

    /** The SOC's tools read English unless they ask for Japanese (the console asks for its language). */
    private static Locale locale(String language) {
        return Languages.preferred(language, Languages.ENGLISH);
    }

    private static String words(Sentence sentence, Locale locale) {
        return DispatchTexts.render(sentence, locale);
    }
}

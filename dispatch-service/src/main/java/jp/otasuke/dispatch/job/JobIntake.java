package jp.otasuke.dispatch.job;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jp.otasuke.common.consumer.BatchApplier;
import jp.otasuke.common.events.IncidentClosed;
import jp.otasuke.common.events.IncidentOnsiteRequested;
import jp.otasuke.common.events.IncidentResolved;
import jp.otasuke.common.events.IncidentStory;
import jp.otasuke.common.text.Sentence;
import jp.otasuke.dispatch.DispatchConfig;

/**
 * Listens to the incidents topic: an on-site request becomes one job (its request id is unique, so a
 * redelivered request changes nothing); a resolved or closed incident cancels its jobs nobody has reached yet.
 * Either way the schedule is re-planned after the commit.
 */
@ApplicationScoped
public class JobIntake {

    private final BatchApplier applier;
    private final JobLog log;
    private final Deadlines deadlines;
    private final Event<JobsChanged> changed;

    JobIntake(BatchApplier applier, JobLog log, DispatchConfig config, Event<JobsChanged> changed) {
        this.applier = applier;
        this.log = log;
        this.deadlines = new Deadlines(config.immediateWithin(), config.nextBusinessDayBy());
        this.changed = changed;
    }

    @Incoming("incidents")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        applier.apply(records, IncidentStory.class, this::applyAll);
    }

    private void applyAll(List<IncidentStory> events) {
        boolean changed = false;
        for (IncidentStory event : events) {
            if (event instanceof IncidentOnsiteRequested request) {
                changed |= open(request);
            } else if (event instanceof IncidentResolved resolved) {
                changed |= cancelJobsOf(resolved, Sentence.of("cancelled.resolved", "resolution", resolved.resolution()));
            } else if (event instanceof IncidentClosed closed) {
                changed |= cancelJobsOf(closed, Sentence.of("cancelled.closed"));
            }
        }
        if (changed) {
            this.changed.fire(new JobsChanged());
        }
    }

    private boolean open(IncidentOnsiteRequested request) {
        if (DispatchJob.count("requestId", request.requestId()) > 0) {
            return false;
        }
        if (request.site() == null) {
            throw new IllegalArgumentException("on-site request " + request.requestId() + " carries no site");
        }
        DispatchJob job = DispatchJob.from(request, deadlines.of(request.urgency(), request.occurredAt()), Instant.now());
        job.persist();
        log.created(job);
        Log.infof("Job %s for incident %s (%s, deadline %s)", job.id, job.incidentId, job.urgency, job.deadline);
        return true;
    }

    private boolean cancelJobsOf(IncidentStory event, Sentence why) {
        boolean any = false;
        for (DispatchJob job : DispatchJob.<DispatchJob>list("incidentId", event.incidentId())) {
            if (job.cancel(why)) {
                log.cancelled(job, event.occurredAt());
                any = true;
            }
        }
        return any;
    }
}

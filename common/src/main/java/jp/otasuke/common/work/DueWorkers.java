package jp.otasuke.common.work;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.All;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Starts a {@link DueWorker} for every {@link DueWork} bean of the service when it starts, and stops them when it stops. */
@ApplicationScoped
public class DueWorkers {

    private final List<DueWork<?>> works;
    private final Map<Object, DueWorker> running = new IdentityHashMap<>();

    DueWorkers(@All List<DueWork<?>> works) {
        this.works = works;
    }

    void start(@Observes StartupEvent event) {
        for (DueWork<?> work : works) {
            DueWork.Schedule schedule = work.schedule();
            running.put(key(work), schedule.parallel() == 0
                    ? DueWorker.startInClaim(schedule.name(), work, schedule.poll(), schedule.batch())
                    : DueWorker.start(schedule.name(), work, schedule.poll(), schedule.batch(), schedule.parallel()));
        }
    }

    /** Graceful shutdown: nothing more is claimed, what is in flight finishes (or keeps its lease for another instance). */
    void stop(@Observes ShutdownEvent event) {
        running.values().forEach(worker -> worker.stop(Duration.ofSeconds(10)));
    }

    /** Something became due now: claim it without waiting for the poll (call after the commit that made it due). */
    public void wake(DueWork<?> work) {
        DueWorker worker = running.get(key(work));
        if (worker != null) {
            worker.wake();
        }
    }

    /** The bean behind a client proxy, so that a work found by injection and one passing itself are the same key. */
    private static Object key(DueWork<?> work) {
        return ClientProxy.unwrap(work);
    }
}

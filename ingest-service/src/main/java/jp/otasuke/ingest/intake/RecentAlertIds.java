package jp.otasuke.ingest.intake;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ids this instance recently had acknowledged by Kafka, so that a sensor re-sending a batch is told
 * which alerts were duplicates. It is only a report: the guarantee that a re-sent alert counts once is
 * its deterministic id, which triage stores uniquely.
 */
@ApplicationScoped
public class RecentAlertIds {

    private static final int CAPACITY = 200_000;

    /** Guarded by this; asked and told a whole batch at a time, not an id at a time (the request threads met at every alert). */
    private final Map<UUID, Boolean> ids = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Those of the ids that Kafka acknowledged lately. */
    public synchronized Set<UUID> seenAmong(Collection<UUID> batch) {
        Set<UUID> seen = new HashSet<>();
        for (UUID id : batch) {
            if (ids.containsKey(id)) {
                seen.add(id);
            }
        }
        return seen;
    }

    public synchronized void rememberAll(Collection<UUID> acknowledged) {
        for (UUID id : acknowledged) {
            ids.put(id, Boolean.TRUE);
        }
    }
}

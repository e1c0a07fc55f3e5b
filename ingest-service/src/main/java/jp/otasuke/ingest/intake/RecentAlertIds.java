package jp.otasuke.ingest.intake;

import java.util.Collections;
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

    private final Set<UUID> ids = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > CAPACITY;
        }
    }));

    public boolean seen(UUID id) {
        return ids.contains(id);
    }

    public void remember(UUID id) {
        ids.add(id);
    }
}

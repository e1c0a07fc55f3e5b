package jp.otasuke.triage.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.triage.TriageConfig;
import jp.otasuke.triage.incident.Incident;
import jp.otasuke.triage.incident.IncidentAlert;
import jp.otasuke.triage.incident.IncidentLog;

/**
 * Correlating alerts into incidents, a batch at a time (one transaction): an alert joins the active
 * incident of the same tenant, correlation key and category family whose last alert is less than the
 * window away; otherwise it opens a new incident. Alerts already stored are skipped, so a redelivered
 * batch changes nothing. Each incident touched by the batch is announced once, not once per alert.
 */
@ApplicationScoped
public class AlertCorrelation {

    private final TriageConfig config;
    private final IncidentLog log;

    AlertCorrelation(TriageConfig config, IncidentLog log) {
        this.config = config;
        this.log = log;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void correlate(List<AlertReceived> batch) {
        Map<UUID, AlertReceived> unique = new LinkedHashMap<>();
        batch.forEach(alert -> unique.putIfAbsent(alert.alertId(), alert));
        IncidentAlert.known(unique.keySet(), unique.values().stream().map(AlertReceived::observedAt).toList())
                .forEach(unique::remove);
        if (unique.isEmpty()) {
            return;
        }
        // the batch reads only what it loaded itself: no auto-flush (and dirty check) before each query
        Incident.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        Instant now = Instant.now();
        Map<CorrelationKey, Incident> active = activeIncidents(unique.values());
        Set<Incident> opened = new LinkedHashSet<>();
        Map<Incident, Before> grown = new LinkedHashMap<>();
        List<IncidentAlert> rows = new ArrayList<>(unique.size());
        List<AlertReceived> inTimeOrder = unique.values().stream()
                .sorted(Comparator.comparing(AlertReceived::observedAt)).toList();
        for (AlertReceived alert : inTimeOrder) {
            CorrelationKey key = CorrelationKey.of(alert);
            Incident candidate = active.get(key);
            Incident incident;
            if (candidate != null && candidate.takes(alert, config.correlationWindow())) {
                incident = candidate;
                if (!opened.contains(incident)) {
                    grown.putIfAbsent(incident, new Before(incident.priority, incident.hosts.length));
                }
                incident.add(alert, now, config.ackDue()::of);
            } else {
                incident = Incident.openFrom(alert, key.key(), key.family().name(), now, config.ackDue()::of);
                incident.persist();
                opened.add(incident);
                active.put(key, incident);
            }
            rows.add(IncidentAlert.of(alert, incident.id));
        }
        // incidents that only counted more alerts (most of them, every batch) are written in one statement
        OpenIncidents.saveCounts(grown.entrySet().stream().filter(e -> e.getValue().same(e.getKey())).map(Map.Entry::getKey).toList());
        Incident.flush(); // the alert rows reference the incidents opened above
        IncidentAlert.insertAll(rows);
        opened.forEach(incident -> log.opened(incident, now));
        grown.forEach((incident, before) -> {
            if (incident.priority != before.priority()) {
                log.escalated(incident, before.priority(), now);
            }
            // announced when it matters downstream (priority, hosts); the alert count alone is read from the API
            if (!before.same(incident)) {
                log.updated(incident, now);
            }
        });
    }

    /** What an incident looked like before the batch. */
    private record Before(Priority priority, int hosts) {

        /** Same priority and hosts: nothing to announce, only counts, seen times and the naming alert changed. */
        boolean same(Incident now) {
            return now.priority == priority && now.hosts.length == hosts;
        }
    }

    /**
     * The active incidents the batch's alerts may join, one query for the whole batch, locked (so a SOC step on
     * one of them waits for the batch, and the batch sees a resolve that committed first): per key, the most recent.
     */
    private static Map<CorrelationKey, Incident> activeIncidents(Collection<AlertReceived> alerts) {
        Set<CorrelationKey> keys = new HashSet<>();
        alerts.forEach(alert -> keys.add(CorrelationKey.of(alert)));
        List<CorrelationKey> asked = List.copyOf(keys);
        Map<CorrelationKey, Incident> latest = new HashMap<>();
        List<Incident> found = OpenIncidents.activeAmong(asked.stream().map(CorrelationKey::tenantId).toArray(UUID[]::new),
                asked.stream().map(CorrelationKey::key).toArray(String[]::new),
                asked.stream().map(k -> k.family().name()).toArray(String[]::new));
        for (Incident incident : found) {
            CorrelationKey key = new CorrelationKey(incident.tenantId, incident.correlationKey,
                    CategoryFamily.valueOf(incident.family));
            latest.merge(key, incident, (a, b) -> a.lastSeenAt.isAfter(b.lastSeenAt) ? a : b);
        }
        return latest;
    }
}

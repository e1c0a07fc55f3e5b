package jp.otasuke.triage.correlation;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.triage.TriageConfig;
import jp.otasuke.triage.incident.Incident;
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
        IncidentAlert.known(unique.keySet()).forEach(unique::remove);
        if (unique.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Map<CorrelationKey, Optional<Incident>> active = new HashMap<>();
        Set<Incident> opened = new LinkedHashSet<>();
        Map<Incident, Priority> grown = new LinkedHashMap<>();
        List<AlertReceived> inTimeOrder = unique.values().stream()
                .sorted(Comparator.comparing(AlertReceived::observedAt)).toList();
        for (AlertReceived alert : inTimeOrder) {
            CorrelationKey key = CorrelationKey.of(alert);
            Optional<Incident> candidate = active.computeIfAbsent(key,
                    k -> Incident.activeFor(k.tenantId(), k.key(), k.family().name()));
            Incident incident;
            if (candidate.isPresent() && candidate.get().takes(alert, config.correlationWindow())) {
                incident = candidate.get();
                Priority before = incident.priority;
                if (!opened.contains(incident)) {
                    grown.putIfAbsent(incident, before);
                }
                incident.add(alert, now, config.ackDue()::of);
            } else {
                incident = Incident.openFrom(alert, key.key(), key.family().name(), now, config.ackDue()::of);
                incident.persist();
                opened.add(incident);
                active.put(key, Optional.of(incident));
            }
            IncidentAlert.of(alert, incident.id).persist();
        }
        opened.forEach(incident -> log.opened(incident, now));
        grown.forEach((incident, before) -> {
            if (incident.priority != before) {
                log.escalated(incident, before, now);
            }
            log.updated(incident, now);
        });
    }
}

package jp.otasuke.ingest.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.ingest.intake.format.NormalizedAlert;
import jp.otasuke.ingest.intake.format.ParseOutcome;
import jp.otasuke.ingest.sensor.Sensor;
import jp.otasuke.ingest.sensor.SensorSightings;

/**
 * Takes one batch of parsed records from a sensor: gives each alert its deterministic id, drops the
 * duplicates, publishes the rest and answers only when Kafka acknowledged them all. Used by the HTTP
 * endpoint and the syslog listener alike.
 */
@ApplicationScoped
public class AlertIntake {

    /** A record that could not be read, by its line (or array element) number. */
    public record Rejection(int line, String reason) {
    }

    /** What became of a batch. */
    public record IntakeReport(int accepted, int duplicates, int skipped, List<Rejection> rejected) {
    }

    /** One parsed record and where it was in the batch. */
    public record Numbered(int line, ParseOutcome outcome) {
    }

    /** The raw record travels with the alert, but a 5 MiB line must not become a 5 MiB Kafka record. */
    static final int MAX_RAW_CHARS = 64 * 1024;
    private static final int MAX_REJECTIONS_LISTED = 1000;

    private final AlertPublisher publisher;
    private final RecentAlertIds recent;
    private final MeterRegistry metrics;
    private final SensorSightings sightings;

    AlertIntake(AlertPublisher publisher, RecentAlertIds recent, MeterRegistry metrics, SensorSightings sightings) {
        this.publisher = publisher;
        this.recent = recent;
        this.metrics = metrics;
        this.sightings = sightings;
    }

    public IntakeReport take(Sensor sensor, List<Numbered> batch, String channel) throws AlertPublisher.KafkaUnavailable {
        sightings.seen(sensor); // whatever it sent, the sensor spoke
        Instant received = Instant.now();
        Map<UUID, AlertReceived> toSend = new LinkedHashMap<>();
        int duplicates = 0;
        int skipped = 0;
        int rejectedCount = 0;
        List<Rejection> rejected = new ArrayList<>();
        for (Numbered record : batch) {
            ParseOutcome outcome = record.outcome();
            if (outcome instanceof ParseOutcome.Alert a) {
                AlertReceived alert = received(sensor, a.alert(), received);
                if (toSend.putIfAbsent(alert.alertId(), alert) != null) {
                    duplicates++; // twice in this batch
                }
            } else if (outcome instanceof ParseOutcome.Skipped) {
                skipped++;
            } else if (outcome instanceof ParseOutcome.Rejected r) {
                rejectedCount++;
                if (rejected.size() < MAX_REJECTIONS_LISTED) {
                    rejected.add(new Rejection(record.line(), r.reason()));
                }
            }
        }
        Set<UUID> sentBefore = recent.seenAmong(toSend.keySet());
        duplicates += sentBefore.size();
        toSend.keySet().removeAll(sentBefore);
        publisher.publishAll(List.copyOf(toSend.values()));
        recent.rememberAll(toSend.keySet());
        count(channel, "accepted", toSend.size());
        count(channel, "duplicate", duplicates);
        count(channel, "skipped", skipped);
        count(channel, "rejected", rejectedCount);
        return new IntakeReport(toSend.size(), duplicates, skipped, rejected);
    }

    private static AlertReceived received(Sensor sensor, NormalizedAlert a, Instant received) {
        UUID id = AlertIds.of(sensor.id, a.sourceRef(), a.raw());
        Map<String, String> details = a.details();
        String raw = a.raw();
        if (raw.length() > MAX_RAW_CHARS) {
            raw = raw.substring(0, MAX_RAW_CHARS);
            details = new LinkedHashMap<>(details);
            details.put("rawTruncatedFrom", Integer.toString(a.raw().length()));
        }
        return new AlertReceived(id, received, id, sensor.tenantId, sensor.id, sensor.kind, a.format(),
                keepable(a.sourceRef()), a.observedAt() != null ? a.observedAt() : received, a.category(), a.severity(),
                keepable(a.title()), keepable(a.host()), keepable(a.srcIp()), keepable(a.dstIp()), keepable(a.user()),
                keepable(a.signature()), keepable(details), keepable(raw));
    }

    /** The details with their NULs written out; the same map when none holds one, as nearly always. */
    private static Map<String, String> keepable(Map<String, String> details) {
        boolean anyNul = false;
        for (Map.Entry<String, String> e : details.entrySet()) {
            anyNul |= hasNul(e.getKey()) || hasNul(e.getValue());
        }
        if (!anyNul) {
            return details;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        details.forEach((k, v) -> kept.put(keepable(k), keepable(v)));
        return kept;
    }

    /**
     * A sensor's text with each NUL written out as the six characters backslash-u-0000: PostgreSQL cannot store NUL in text, and an
     * alert answered 202 must reach an incident (it went to a dead-letter topic before). The id was taken
     * from the bytes as sent, so a resent alert is still the same alert.
     */
    static String keepable(String text) {
        return hasNul(text) ? text.replace("\0", "\\u0000") : text;
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    private void count(String channel, String outcome, int n) {
        if (n > 0) {
            metrics.counter("otasuke.intake.records", "channel", channel, "outcome", outcome).increment(n);
        }
    }
}

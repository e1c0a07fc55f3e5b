package jp.otasuke.insurance.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.otasuke.common.events.CostLine;

/** What a claim rests on: the incident as the SOC saw it, and the visit as the engineer reported it. */
public record Evidence(Incident incident, Job job) {

    public record Incident(UUID id, String title, String category, String priority, Instant openedAt) {
    }

    public record Job(UUID id, String engineerName, Instant arrivedAt, Instant completedAt, String report, int laborMinutes,
            double travelKm, List<CostLine> costLines) {
    }
}

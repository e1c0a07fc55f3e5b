package jp.otasuke.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The engineer checked out with the work report; the cost lines are what insurance pays. */
public record DispatchJobCompleted(UUID eventId, Instant occurredAt, UUID jobId, UUID incidentId, UUID tenantId, UUID engineerId, String engineerName, Instant arrivedAt, Instant completedAt, String reportSummary, int laborMinutes, double travelKm, List<CostLine> costLines, long totalYen) implements IncidentStory {

    @Override
    public String subjectId() {
        return jobId.toString();
    }
}

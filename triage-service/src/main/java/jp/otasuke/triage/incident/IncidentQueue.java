package jp.otasuke.triage.incident;

import java.util.List;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;
import jp.otasuke.common.events.Enums.Priority;

/**
 * The SOC queue: filtered, ordered by priority, then acknowledge-due time (then id, so the order is total).
 * The cursor is the last incident of the previous page; the next page starts after its place in that order.
 * The tenant filter is part of the query, so an SME user's page never reads another tenant's rows.
 */
public record IncidentQueue(IncidentStatus status, Priority priority, UUID tenantId, boolean activeOnly,
        jp.otasuke.common.events.Enums.AlertCategory category, String assignee) {

    public IncidentQueue(IncidentStatus status, Priority priority, UUID tenantId) {
        this(status, priority, tenantId, false, null, null);
    }

    public List<Incident> page(UUID after, int rows) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (priority != null) {
            where.append(" and priority = :priority");
            parameters.and("priority", priority);
        }
        if (activeOnly) {
            where.append(" and status in :active");
            parameters.and("active", IncidentStatus.ACTIVE);
        }
        if (category != null) {
            where.append(" and category = :category");
            parameters.and("category", category);
        }
        if (assignee != null) {
            where.append(" and assignee = :assignee");
            parameters.and("assignee", assignee);
        }
        if (tenantId != null) {
            where.append(" and tenantId = :tenant");
            parameters.and("tenant", tenantId);
        }
        if (after != null) {
            Incident last = Incident.visible(after, tenantId).orElse(null);
            if (last != null) {
                where.append(" and (priority > :p or (priority = :p and (ackDueAt > :due or (ackDueAt = :due and id > :id))))");
                parameters.and("p", last.priority).and("due", last.ackDueAt).and("id", last.id);
            }
        }
        return Incident.find(where + " order by priority, ackDueAt, id", parameters).page(0, rows).list();
    }
}

package jp.otasuke.triage.incident;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.quarkus.panache.common.Parameters;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.paging.Page;

/**
 * The SOC queue: filtered, ordered by priority, then acknowledge-due time (then id, so the order is total).
 * The cursor is the last incident of the previous page; the next page starts after its place in that order.
 * The tenant filter is part of the query, so an SME user's page never reads another tenant's rows.
 */
public record IncidentQueue(IncidentStatus status, Priority priority, UUID tenantId, boolean activeOnly,
        AlertCategory category, String assignee) {

    public <T> Page<T> page(String limit, String cursor, Function<Incident, T> view) {
        return Keyset.page(limit, cursor)
                .where("status = :status", "status", status)
                .where("priority = :priority", "priority", priority)
                .where("status in :active", "active", activeOnly ? IncidentStatus.ACTIVE : null)
                .where("category = :category", "category", category)
                .where("assignee = :assignee", "assignee", assignee)
                .scope("tenantId", tenantId)
                .orderedBy("priority, ackDueAt, id", this::after)
                .list((query, values) -> Incident.<Incident>find(query, values), view, incident -> incident.id);
    }

    /** The incidents after the cursor's in queue order; a cursor whose incident is gone starts the queue again. */
    private Optional<Keyset.After> after(String cursor) {
        return Incident.visible(Page.after(cursor), tenantId).map(last -> new Keyset.After(
                "priority > :p or (priority = :p and (ackDueAt > :due or (ackDueAt = :due and id > :id)))",
                Parameters.with("p", last.priority).and("due", last.ackDueAt).and("id", last.id)));
    }
}

package jp.otasuke.triage.correlation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.Panache;
import jp.otasuke.triage.incident.Incident;
import jp.otasuke.triage.incident.IncidentStatus;

/**
 * The incidents a batch of alerts may join, read and written in bulk: correlation's hot path, one statement for
 * the whole batch where the entity would take one per incident. It changes with correlation, not with the
 * incident's rules, so it lives here.
 */
final class OpenIncidents {

    private OpenIncidents() {
    }

    /**
     * The active alert incidents with these (tenant, correlation key, family) triples, given as three arrays of
     * the same length, locked in id order (the same order everywhere, so lockers never deadlock). Native for its
     * array parameters: a batch asks for hundreds of triples, and only those incidents are loaded and locked.
     */
    @SuppressWarnings("unchecked")
    static List<Incident> activeAmong(UUID[] tenantIds, String[] correlationKeys, String[] families) {
        return Panache.getEntityManager().createNativeQuery(ACTIVE_AMONG, Incident.class)
                .setParameter(1, tenantIds).setParameter(2, correlationKeys).setParameter(3, families)
                .getResultList();
    }

    private static final String ACTIVE_AMONG = "select * from incident where (tenant_id, correlation_key, family) in"
            + " (select * from unnest(cast(?1 as uuid[]), cast(?2 as text[]), cast(?3 as text[])))"
            + " and status in (" + IncidentStatus.ACTIVE.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "))
            + ") order by id for update";

    private static final String SAVE_COUNTS = """
            update incident i set alert_count = v.alert_count, first_seen_at = v.first_seen_at::timestamptz,
                last_seen_at = v.last_seen_at::timestamptz, max_severity = v.max_severity, base_priority = v.base_priority,
                category = v.category, title = v.title, version = i.version + 1
            from unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                as v(id, alert_count, first_seen_at, last_seen_at, max_severity, base_priority, category, title, version)
            where i.id = v.id and i.version = v.version""";

    /**
     * Writes what alerts changed on these incidents when neither their priority nor their hosts did: counts, seen
     * times, severity and the naming alert, in one statement for the whole batch instead of one per incident.
     * They leave the persistence context (so they are not written twice); the caller holds their row locks.
     */
    static void saveCounts(List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return;
        }
        incidents.forEach(Panache.getEntityManager()::detach);
        int updated = Panache.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(SAVE_COUNTS)) {
                update.setArray(1, connection.createArrayOf("uuid", incidents.stream().map(i -> i.id).toArray()));
                update.setArray(2, connection.createArrayOf("int4", incidents.stream().map(i -> i.alertCount).toArray()));
                update.setArray(3, texts(connection, incidents, i -> i.firstSeenAt));
                update.setArray(4, texts(connection, incidents, i -> i.lastSeenAt));
                update.setArray(5, texts(connection, incidents, i -> i.maxSeverity));
                update.setArray(6, texts(connection, incidents, i -> i.basePriority));
                update.setArray(7, texts(connection, incidents, i -> i.category));
                update.setArray(8, texts(connection, incidents, i -> i.title));
                update.setArray(9, connection.createArrayOf("int8", incidents.stream().map(i -> i.version).toArray()));
                return update.executeUpdate();
            }
        });
        if (updated != incidents.size()) {
            // cannot happen while the rows are locked; if it does, the batch must not commit half of it
            throw new OptimisticLockException("Incidents changed while their alerts were counted");
        }
        incidents.forEach(i -> i.version++);
    }

    private static java.sql.Array texts(Connection connection, List<Incident> incidents, Function<Incident, Object> value)
            throws SQLException {
        return connection.createArrayOf("text", incidents.stream().map(value)
                .map(v -> v == null ? null : v instanceof Enum<?> e ? e.name() : v.toString()).toArray());
    }
}

package jp.otasuke.triage;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.otasuke.triage.incident.Incident;

/** Reads the service's database in a transaction of its own, as a test sees it from outside. */
public final class Db {

    private Db() {
    }

    public static <T> T read(Callable<T> query) {
        return QuarkusTransaction.requiringNew().call(query);
    }

    /** The tenant's incidents, oldest first, detached (safe to read after the transaction). */
    public static List<Incident> incidentsOf(UUID tenantId) {
        return read(() -> Incident.<Incident>list("tenantId = ?1 order by openedAt, firstSeenAt", tenantId));
    }

    public static long alertsOf(UUID incidentId) {
        return read(() -> jp.otasuke.triage.incident.IncidentAlert.count("incidentId", incidentId));
    }
}

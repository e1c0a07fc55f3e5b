package jp.otasuke.triage.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.common.events.Enums.Severity;
import jp.otasuke.common.retention.Retention;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.triage.Alerts;
import jp.otasuke.triage.Db;
import jp.otasuke.triage.correlation.AlertCorrelation;
import jp.otasuke.triage.incident.Incident;

/** What triage keeps, and for how long (issue 28): alerts by month, the rest by age; incidents stay. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class RetentionTest {

    @Inject
    AlertRetention alertMonths;

    @Inject
    Retention retention;

    @Inject
    AlertCorrelation correlation;

    @Test
    void aMonthPastTheRetentionIsDroppedWholeAndItsIncidentStaysWithItsCount() {
        YearMonth old = YearMonth.now(ZoneOffset.UTC).minusMonths(15);
        // an instance that ran back then made that month's partition
        sql("create table if not exists " + AlertRetention.partition(old) + " partition of incident_alert for values from ('"
                + LocalDate.of(old.getYear(), old.getMonth(), 1) + "T00:00:00Z') to ('"
                + LocalDate.of(old.plusMonths(1).getYear(), old.plusMonths(1).getMonth(), 1) + "T00:00:00Z')");
        UUID tenant = UUID.randomUUID();
        Instant then = old.atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC);
        AlertReceived oldAlert = Alerts.of(tenant).host("pc-old").at(then).malware(Severity.HIGH);
        AlertReceived recent = Alerts.of(tenant).host("pc-new").at(Instant.now().minusSeconds(3600)).malware(Severity.HIGH);
        QuarkusTransaction.requiringNew().run(() -> correlation.correlate(List.of(oldAlert, recent)));
        Incident oldIncident = Db.incidentsOf(tenant).stream().filter(i -> i.firstSeenAt.isBefore(Instant.now().minusSeconds(86_400)))
                .findFirst().orElseThrow();

        List<String> done = QuarkusTransaction.requiringNew().call(() -> alertMonths.claim(100));

        assertTrue(done.contains("dropped " + AlertRetention.partition(old)), done.toString());
        assertFalse(QuarkusTransaction.requiringNew().call(() -> alertMonths.months(Incident.getEntityManager())).contains(old));
        assertEquals(0L, Db.alertsOf(oldIncident.id), "its alerts went with their month");
        assertEquals(1, Db.read(() -> Incident.<Incident>findById(oldIncident.id)).alertCount, "the incident and its count stay");
        assertEquals(2L, Db.read(() -> Incident.count("tenantId", tenant)));
        assertEquals(1L, Db.read(() -> ((Number) Incident.getEntityManager().createNativeQuery(
                "select count(*) from incident_alert where id = ?1").setParameter(1, recent.alertId()).getSingleResult()).longValue()));
        YearMonth next = YearMonth.now(ZoneOffset.UTC).plusMonths(2);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> alertMonths.months(Incident.getEntityManager())).contains(next),
                "the coming months are there before their first alert");
    }

    @Test
    void anInboxRowOlderThanItsRetentionIsDeletedAndANewerOneKept() {
        UUID old = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        sql("insert into inbox (consumer, event_id, applied_at) values ('retention-test', '" + old + "', now() - interval '31 days')");
        sql("insert into inbox (consumer, event_id, applied_at) values ('retention-test', '" + fresh + "', now() - interval '29 days')");

        QuarkusTransaction.requiringNew().call(() -> retention.claim(10_000));

        assertEquals(List.of(fresh.toString()), Db.read(() -> Incident.getEntityManager()
                .createNativeQuery("select event_id::text from inbox where consumer = 'retention-test'").getResultList()));
    }

    private static void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> Incident.getEntityManager().createNativeQuery(statement).executeUpdate());
    }
}

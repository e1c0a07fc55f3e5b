package jp.otasuke.triage.deadletter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.Enums.IncidentKind;
import jp.otasuke.common.events.Enums.Severity;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.triage.Alerts;
import jp.otasuke.triage.Db;
import jp.otasuke.triage.Soc;
import jp.otasuke.triage.incident.Incident;

/**
 * Dead letters are never silent, on real Kafka and PostgreSQL: alerts that cannot be stored (a bad migration left a
 * trigger refusing one tenant's rows) raise one operations incident with a metric, and once the cause is fixed a
 * platform-admin re-drives them and they land on their incident once.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class DeadLetterWatchTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void poisonRecordsRaiseOneOperationsIncidentAndReDrivenAfterTheFixLandOnce() {
        breakStorage();
        EventTopics.publish(Alerts.of(tenant).host("nas-01").malware(Severity.HIGH),
                Alerts.of(tenant).host("nas-01").malware(Severity.CRITICAL));

        await().atMost(Duration.ofSeconds(60)).until(() -> lettersOf(tenant).size() == 2);
        List<DeadLetter> letters = lettersOf(tenant);
        Incident operations = Db.read(() -> Incident.<Incident>findById(letters.get(0).incidentId));
        assertEquals(IncidentKind.OPERATIONS, operations.kind);
        assertEquals(letters.get(0).incidentId, letters.get(1).incidentId, "one incident per topic and cause");
        await().atMost(Duration.ofSeconds(10)).until(() -> Db.read(() -> Incident.<Incident>findById(operations.id).alertCount) == 2);
        assertEquals("otasuke.alerts.v1.dlq.triage-service", letters.get(0).dlqTopic);
        assertEquals("otasuke.alerts.v1", letters.get(0).sourceTopic);
        assertEquals("org.postgresql.util.PSQLException", letters.get(0).cause);
        Soc.as("soc-1").get("/api/v1/incidents/{id}", operations.id).statusCode(200).body("kind", equalTo("OPERATIONS"))
                .body("priority", equalTo("P2")).body("title", containsString("otasuke.alerts.v1.dlq.triage-service"));
        Soc.as("soc-1").get("/api/v1/dead-letters?incidentId=" + operations.id).statusCode(200)
                .body("items.size()", equalTo(2)).body("items[0].reason", containsString("bad migration"));
        given().when().get(metrics).then().statusCode(200)
                .body(containsString("otasuke_dead_letters_total{cause=\"org.postgresql.util.PSQLException\""));
        assertEquals(0, Db.incidentsOf(tenant).size(), "nothing of the tenant's landed meanwhile");

        fixStorage();
        Soc.as("soc-1").request().post("/api/v1/dead-letters/{id}/redrive", letters.get(0).id).then().statusCode(403);
        Soc admin = Soc.as("ops-admin");
        for (DeadLetter letter : letters) {
            admin.request().post("/api/v1/dead-letters/{id}/redrive", letter.id).then().statusCode(200)
                    .body("redrivenBy", equalTo("ops-admin"));
        }
        admin.request().post("/api/v1/dead-letters/{id}/redrive", letters.get(0).id).then().statusCode(409)
                .contentType("application/problem+json");

        await().atMost(Duration.ofSeconds(30)).until(() -> Db.incidentsOf(tenant).size() == 1
                && Db.alertsOf(Db.incidentsOf(tenant).get(0).id) == 2);
        assertEquals(2, Db.incidentsOf(tenant).get(0).alertCount, "each alert landed once");
        Soc.as("soc-1").get("/api/v1/incidents/{id}/timeline", operations.id)
                .body("findAll { it.type == 'operations.redriven' }.size()", equalTo(2));
        // the operator reads what happened in the console's language; topics, offsets and the cause stay as they are
        Soc.as("soc-1").request().header("Accept-Language", "ja").when().get("/api/v1/incidents/{id}/timeline", operations.id)
                .then().statusCode(200)
                .body("find { it.type == 'incident.opened' }.summary", allOf(containsString("triage-serviceがレコード otasuke.alerts.v1-"),
                        containsString("を適用できませんでした"), containsString("bad migration"),
                        containsString("に保管しています")))
                .body("find { it.type == 'operations.record' }.summary", containsString("を適用できませんでした"))
                .body("find { it.type == 'operations.redriven' }.summary", allOf(startsWith("レコード otasuke.alerts.v1-"),
                        endsWith("を otasuke.alerts.v1 に再投入しました")));
    }

    private static List<DeadLetter> lettersOf(UUID tenant) {
        return Db.read(() -> DeadLetter.<DeadLetter>list("recordKey = ?1 order by dlqOffset", tenant.toString()));
    }

    /** What a bad migration could leave behind: a trigger refusing this tenant's alert rows. */
    private void breakStorage() {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Incident.getEntityManager();
            em.createNativeQuery("create or replace function refuse_test_tenant() returns trigger language plpgsql as $$"
                    + " begin if new.tenant_id = '" + tenant + "' then raise exception 'bad migration refuses tenant %',"
                    + " new.tenant_id; end if; return new; end $$").executeUpdate();
            em.createNativeQuery("create trigger refuse_test_tenant before insert on incident_alert for each row"
                    + " execute function refuse_test_tenant()").executeUpdate();
        });
    }

    private static void fixStorage() {
        QuarkusTransaction.requiringNew().run(() -> Incident.getEntityManager()
                .createNativeQuery("drop trigger refuse_test_tenant on incident_alert").executeUpdate());
    }
}

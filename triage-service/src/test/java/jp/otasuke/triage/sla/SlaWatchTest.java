package jp.otasuke.triage.sla;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.Enums.Severity;
import jp.otasuke.common.events.Topics;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.triage.Alerts;
import jp.otasuke.triage.Db;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.triage.Soc;
import jp.otasuke.triage.incident.Incident;

/**
 * The acknowledge clocks live in the database: an incident whose due time passed while no instance of the
 * service was running (written here as a previous run would have left it) is flagged at the next check,
 * once, announced once, and shows in the queue.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class SlaWatchTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void anIncidentThatFellDueWhileTheServiceWasDownIsFlaggedOnceAndShowsInTheQueue() {
        UUID overdue = leftByAPreviousRun(Instant.now().minusSeconds(60), false);
        UUID acknowledgedInTime = leftByAPreviousRun(Instant.now().minusSeconds(60), true);
        UUID notYetDue = leftByAPreviousRun(Instant.now().plusSeconds(3600), false);

        await().atMost(Duration.ofSeconds(30)).until(() -> Db.read(() -> Incident.<Incident>findById(overdue).slaBreached));
        assertEquals(1, EventTopics.read(Topics.INCIDENTS, r -> overdue.toString().equals(r.key())
                && EventTopics.type(r).equals("otasuke.incident.sla-breached.v1"), 1).size(), "announced once across many checks");
        assertFalse(Db.read(() -> Incident.<Incident>findById(acknowledgedInTime).slaBreached));
        assertFalse(Db.read(() -> Incident.<Incident>findById(notYetDue).slaBreached));

        Soc soc = Soc.as("soc-1");
        soc.request().queryParam("tenantId", tenant).when().get("/api/v1/incidents").then()
                .body("items.find { it.id == '" + overdue + "' }.slaBreached", equalTo(true));
        soc.get("/api/v1/incidents/{id}/timeline", overdue).body("type", hasItem("incident.sla-breached"));
    }

    @Test
    void anIncidentOpenedNowHasItsClockSetByPriority() {
        EventTopics.publish(Alerts.of(tenant).host("pc-sla").malware(Severity.CRITICAL));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.incidentsOf(tenant).size() == 1);
        Incident p1 = Db.incidentsOf(tenant).get(0);
        assertEquals(Duration.ofMinutes(15), Duration.between(p1.openedAt, p1.ackDueAt));
        assertFalse(p1.slaBreached);
    }

    private UUID leftByAPreviousRun(Instant ackDueAt, boolean acknowledged) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Incident incident = Incident.openFrom(Alerts.of(tenant).host("pc-" + UUID.randomUUID()).malware(Severity.HIGH),
                    "host:left-behind-" + UUID.randomUUID(), "COMPROMISE", ackDueAt.minusSeconds(3600), p -> Duration.ofHours(1));
            if (acknowledged) {
                incident.acknowledge("soc-2", ackDueAt.minusSeconds(10));
            }
            incident.persist();
            return incident.id;
        });
    }
}

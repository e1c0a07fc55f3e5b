package jp.otasuke.triage.sensor;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.Enums.IncidentKind;
import jp.otasuke.common.events.Enums.PlanType;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.Enums.SensorKind;
import jp.otasuke.common.events.SensorSilent;
import jp.otasuke.common.events.SensorSpoke;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.common.tenants.KnownTenant;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.TestUsers;
import jp.otasuke.triage.Db;
import jp.otasuke.triage.Soc;
import jp.otasuke.triage.Tenants;
import jp.otasuke.triage.incident.Incident;

/** A silence of a sensor is one incident of its tenant, by its plan's priority, that resolves itself when it speaks. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class SensorSilenceTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aSilenceIsOneIncidentThatResolvesItselfWhenTheSensorSpeaks() {
        EventTopics.publish(Tenants.osakaMachineShop(tenant)); // COMBINED: its network sensor is what watches it
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.read(() -> KnownTenant.findById(tenant) != null));
        UUID sensor = UUID.randomUUID();
        UUID silenceId = UUID.randomUUID();
        Instant lastSeen = Instant.parse("2026-12-02T01:00:00Z");
        SensorSilent silent = new SensorSilent(UUID.randomUUID(), Instant.now(), silenceId, sensor, tenant, "FortiGate 60F",
                SensorKind.NETWORK, lastSeen, 900);
        EventTopics.publish(silent, silent); // redelivered

        await().atMost(Duration.ofSeconds(30)).until(() -> Db.incidentsOf(tenant).size() == 1);
        Incident incident = Db.incidentsOf(tenant).get(0);
        assertEquals(IncidentKind.SENSOR_SILENT, incident.kind);
        assertEquals(Priority.P2, incident.priority);
        Soc sme = Soc.as(TestUsers.smeUser(TestServers.keycloak(), tenant));
        sme.get("/api/v1/incidents/{id}", incident.id).body("title", equalTo("センサー「FortiGate 60F」からの通信が途絶えています"));

        EventTopics.publish(new SensorSpoke(UUID.randomUUID(), Instant.now(), silenceId, sensor, tenant, "FortiGate 60F",
                Instant.parse("2026-12-02T03:05:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(Db.incidentsOf(tenant).get(0).status.name()));
        Soc.as("soc-1").get("/api/v1/incidents/{id}", incident.id).body("resolution", equalTo("RECOVERED"));
        sme.get("/api/v1/incidents/{id}/timeline", incident.id)
                .body("find { it.type == 'incident.resolved' }.summary",
                        equalTo("センサー「FortiGate 60F」からの通信が12月2日 12:05に戻りました。監視を再開しています。"));
        assertEquals(1, Db.incidentsOf(tenant).size(), "the redelivered silence opened nothing more");
    }

    @Test
    void thePriorityFollowsWhatThePlanRestsOn() {
        assertEquals(Priority.P2, SilencePriority.of(PlanType.NETWORK.name(), SensorKind.NETWORK));
        assertEquals(Priority.P2, SilencePriority.of(PlanType.ENDPOINT.name(), SensorKind.ENDPOINT));
        assertEquals(Priority.P3, SilencePriority.of(PlanType.COMBINED.name(), SensorKind.ENDPOINT));
        assertEquals(Priority.P3, SilencePriority.of(null, SensorKind.NETWORK));
    }
}

package jp.otasuke.triage.correlation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.Enums.Severity;
import jp.otasuke.common.events.Topics;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.triage.Alerts;
import jp.otasuke.triage.Db;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.triage.Soc;
import jp.otasuke.triage.incident.Incident;
import jp.otasuke.triage.incident.IncidentStatus;

/** Alerts from the real alerts topic become incidents in the real database (API.md correlation rules). */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class CorrelationTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void alertsOnTheSameHostWithinTheWindowJoinOneIncident() {
        Alerts pc01 = Alerts.of(tenant).host("PC-01");
        Instant t = Instant.parse("2026-11-20T01:00:00Z");
        EventTopics.publish(pc01.at(t).malware(Severity.MEDIUM), pc01.at(t.plusSeconds(29 * 60)).malware(Severity.MEDIUM));
        EventTopics.publish(Alerts.of(tenant).host("pc-01").at(t.plusSeconds(40 * 60)).malware(Severity.LOW));

        Incident incident = awaitIncidents(1, 3).get(0);
        assertEquals(3, incident.alertCount);
        assertEquals(List.of("pc-01"), incident.hostList(), "host names are compared case-insensitively");
        assertEquals(t, incident.firstSeenAt);
        assertEquals(t.plusSeconds(40 * 60), incident.lastSeenAt);
    }

    @Test
    void anAlertMoreThanTheWindowAfterTheLastOneOpensANewIncident() {
        Alerts pc02 = Alerts.of(tenant).host("pc-02");
        Instant t = Instant.parse("2026-11-20T02:00:00Z");
        EventTopics.publish(pc02.at(t).malware(Severity.HIGH));
        awaitIncidents(1, 1);
        EventTopics.publish(pc02.at(t.plusSeconds(30 * 60)).malware(Severity.HIGH));

        List<Incident> incidents = awaitIncidents(2, 2);
        assertEquals(1, incidents.get(0).alertCount);
        assertEquals(1, incidents.get(1).alertCount);
    }

    @Test
    void anAlertNeverJoinsAResolvedIncident() {
        Alerts pc03 = Alerts.of(tenant).host("pc-03");
        EventTopics.publish(pc03.malware(Severity.HIGH));
        UUID first = awaitIncidents(1, 1).get(0).id;
        Soc soc = Soc.as("soc-1");
        soc.acknowledge(first).statusCode(200);
        soc.resolve(first).statusCode(200);

        EventTopics.publish(pc03.malware(Severity.HIGH));
        List<Incident> incidents = awaitIncidents(2, 2);
        assertEquals(IncidentStatus.RESOLVED, incidents.get(0).status);
        assertEquals(1, incidents.get(0).alertCount, "the resolved incident took nothing more");
        assertEquals(IncidentStatus.OPEN, incidents.get(1).status);
    }

    @Test
    void aRedeliveredOrResentAlertIsStoredAndCountedOnce() {
        AlertReceived alert = Alerts.of(tenant).host("pc-04").malware(Severity.HIGH);
        EventTopics.publish(alert, alert);
        EventTopics.publish(alert); // after the first batch was committed
        EventTopics.publish(Alerts.of(tenant).host("pc-04").malware(Severity.LOW)); // something to wait for

        Incident incident = awaitIncidents(1, 2).get(0);
        assertEquals(2, Db.alertsOf(incident.id));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Db.incidentsOf(tenant).get(0).alertCount == 2);
    }

    @Test
    void threeHostsRaiseThePriorityOneStepAndTightenTheAcknowledgeClock() {
        Alerts attacker = Alerts.of(tenant).from("203.0.113.9");
        EventTopics.publish(attacker.to("192.168.1.10").scan(Severity.MEDIUM), attacker.to("192.168.1.11").scan(Severity.MEDIUM));
        Incident two = awaitIncidents(1, 2).get(0);
        assertEquals(Priority.P3, two.priority);

        EventTopics.publish(attacker.to("192.168.1.12").scan(Severity.MEDIUM));
        Incident three = awaitIncidents(1, 3).get(0);
        assertEquals(Priority.P2, three.priority, "three hosts: P3 raised one step");
        assertEquals(3, three.hosts.length);
        assertTrue(three.ackDueAt.isBefore(two.ackDueAt), "a P2 must be acknowledged within 1 h, not 4 h");

        EventTopics.publish(attacker.to("192.168.1.13").scan(Severity.LOW));
        assertEquals(Priority.P2, awaitIncidents(1, 4).get(0).priority, "raised once, and a LOW alert lowers nothing");
    }

    @Test
    void ransomwareIsAtLeastP2AndTheWorstAlertNamesTheIncident() {
        Alerts server = Alerts.of(tenant).host("fileserver");
        EventTopics.publish(server.malware(Severity.LOW));
        assertEquals(Priority.P4, awaitIncidents(1, 1).get(0).priority);
        EventTopics.publish(server.alert(AlertCategory.RANSOMWARE, Severity.LOW, "Files being encrypted"));

        Incident incident = awaitIncidents(1, 2).get(0);
        assertEquals(Priority.P2, incident.priority);
        assertEquals(AlertCategory.RANSOMWARE, incident.category);
        assertEquals("Files being encrypted", incident.title);
    }

    @Test
    void anotherStoryOnTheSameHostIsAnotherIncident() {
        Alerts pc05 = Alerts.of(tenant).host("pc-05");
        EventTopics.publish(pc05.malware(Severity.HIGH), pc05.alert(AlertCategory.PHISHING, Severity.MEDIUM, "Phishing link clicked"),
                pc05.alert(AlertCategory.C2, Severity.HIGH, "Beacon to known C2"));

        List<Incident> incidents = awaitIncidents(2, 3);
        assertNotEquals(incidents.get(0).family, incidents.get(1).family);
    }

    @Test
    void alertsWithoutHostCorrelateBySourceAddressThenBySensor() {
        Alerts byAddress = Alerts.of(tenant).from("10.0.0.7");
        Alerts bySensor = Alerts.of(tenant);
        EventTopics.publish(byAddress.scan(Severity.LOW), byAddress.scan(Severity.LOW), bySensor.scan(Severity.LOW),
                bySensor.scan(Severity.LOW));

        List<Incident> incidents = awaitIncidents(2, 4);
        assertEquals(2, incidents.get(0).alertCount);
        assertEquals(2, incidents.get(1).alertCount);
    }

    @Test
    void aRecordThatIsNoEventGoesToTheDeadLetterTopicAndTheRestIsApplied() {
        String key = tenant.toString();
        EventTopics.send(new ProducerRecord<>(Topics.ALERTS, key, "{not an event".getBytes(StandardCharsets.UTF_8)));
        EventTopics.publish(Alerts.of(tenant).host("pc-06").malware(Severity.HIGH));

        awaitIncidents(1, 1);
        assertEquals(1, EventTopics.read(Topics.deadLetter(Topics.ALERTS, "triage-service"), r -> key.equals(r.key()), 1).size());
    }

    /** Waits until the tenant has {@code incidents} incidents holding {@code alerts} alerts in all. */
    private List<Incident> awaitIncidents(int incidents, int alerts) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Incident> found = Db.incidentsOf(tenant);
            return found.size() == incidents && found.stream().mapToInt(i -> i.alertCount).sum() == alerts;
        });
        return Db.incidentsOf(tenant);
    }
}

package jp.otasuke.triage.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.otasuke.common.events.Enums.Resolution;
import jp.otasuke.common.events.Enums.Severity;
import jp.otasuke.triage.Alerts;

/** The incident's rules, without Quarkus. */
class IncidentTest {

    private final Instant now = Instant.parse("2026-11-26T00:00:00Z");
    private final Alerts pc = Alerts.of(UUID.randomUUID()).host("pc-01").at(now);

    @Test
    void aNewIncidentIsOpenWithItsAcknowledgeClock() {
        Incident incident = open();
        assertEquals(IncidentStatus.OPEN, incident.status);
        assertEquals(now.plus(Duration.ofHours(1)), incident.ackDueAt);
    }

    @Test
    void anAlertJoinsOnlyWithinTheWindowOfTheLastAlert() {
        Incident incident = open();
        Duration window = Duration.ofMinutes(30);
        assertTrue(incident.takes(pc.at(now.plusSeconds(29 * 60)).malware(Severity.LOW), window));
        assertFalse(incident.takes(pc.at(now.plusSeconds(30 * 60)).malware(Severity.LOW), window));
        assertTrue(incident.takes(pc.at(now.minusSeconds(3600)).malware(Severity.LOW), window), "a late-arriving older alert");
    }

    @Test
    void theMachineAnAlertIsAboutIsTheOneInTheSmesNetwork() {
        // a PC calling its controller: the rule matched the server's answer, so the server is the source
        assertEquals("192.168.10.23", Incident.hostOf(null, "192.168.10.23", "198.51.100.77").orElseThrow());
        assertEquals("192.168.10.23", Incident.hostOf(null, "198.51.100.77", "192.168.10.23").orElseThrow());
        // an attack from outside on a machine inside, and one the sensor saw inside the network: the destination
        assertEquals("10.0.0.5", Incident.hostOf(null, "10.0.0.5", "203.0.113.9").orElseThrow());
        assertEquals("fd00::17", Incident.hostOf(null, "203.0.113.40", "fd00::17").orElseThrow());
        assertEquals("203.0.113.40", Incident.hostOf(null, "203.0.113.40", "198.51.100.77").orElseThrow());
        // a named host wins; a name is never taken for one of the SME's addresses (nor looked up)
        assertEquals("pc-keiri", Incident.hostOf("PC-KEIRI", "198.51.100.77", "192.168.10.23").orElseThrow());
        assertEquals("192.168.10.23", Incident.hostOf(null, "c2.example", "192.168.10.23").orElseThrow());
        assertEquals("c2.example", Incident.hostOf(null, "c2.example", "intranet.local").orElseThrow());
    }

    @Test
    void aResolvedIncidentTakesNoAlert() {
        Incident incident = open();
        incident.acknowledge("soc-1", now);
        incident.resolve(Resolution.FALSE_POSITIVE, "Test traffic", now);
        assertFalse(incident.takes(pc.at(now.plusSeconds(60)).malware(Severity.HIGH), Duration.ofMinutes(30)));
    }

    @Test
    void aBreachIsFlaggedOnceAndNeverAfterAcknowledge() {
        Incident incident = open();
        assertTrue(incident.breachSla());
        assertFalse(incident.breachSla());
        Incident acknowledged = open();
        acknowledged.acknowledge("soc-1", now);
        assertFalse(acknowledged.breachSla());
    }

    @Test
    void refusedStepsChangeNothing() {
        Incident incident = open();
        assertTrue(incident.close(now).isPresent());
        assertTrue(incident.requestOnsite(UUID.randomUUID()).isPresent());
        assertEquals(IncidentStatus.OPEN, incident.status);
        assertEquals(null, incident.onsiteRequestId);
    }

    @Test
    void anEngineerOnTheWayPutsTheIncidentInProgress() {
        Incident incident = open();
        incident.acknowledge("soc-1", now);
        incident.requestOnsite(UUID.randomUUID());
        incident.jobMoved(UUID.randomUUID(), "ASSIGNED", now, "Sato");
        assertEquals(IncidentStatus.ONSITE_REQUESTED, incident.status);
        incident.jobMoved(incident.job.id, "EN_ROUTE", now, "Sato");
        assertEquals(IncidentStatus.ONSITE_IN_PROGRESS, incident.status);
    }

    private Incident open() {
        return Incident.openFrom(pc.malware(Severity.HIGH), "host:pc-01", "COMPROMISE", now, p -> Duration.ofHours(1));
    }
}

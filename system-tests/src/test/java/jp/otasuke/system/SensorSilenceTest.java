package jp.otasuke.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jp.otasuke.infra.platform.PackagedService;

/**
 * 24-hour monitoring watches itself, on the packaged services: a sensor that stops opens one SENSOR_SILENT incident,
 * ingest and triage killed and restarted in the middle of the silence neither forget it nor open a second one, and
 * the sensor's next alert resolves it.
 */
class SensorSilenceTest {

    private final SystemPlatform platform = SystemPlatform.get();

    @Test
    void aSilenceSurvivesRestartsAsOneIncidentAndTheNextAlertResolvesIt() throws Exception {
        Sensors sme = Sensors.onboard(platform.endpoints().ingest(), 10);
        assertTrue(sme.send("before-silence", "RECON", "LOW", "fw-01"));
        String silences = "select count(*) from incident where kind = 'SENSOR_SILENT' and tenant_id = '" + sme.tenantId + "'";
        awaitCount("triage", silences, 1, 60);

        platform.kill(PackagedService.INGEST);
        platform.kill(PackagedService.TRIAGE);
        Thread.sleep(5_000); // the silence goes on while nothing watches
        platform.start(PackagedService.INGEST);
        platform.start(PackagedService.TRIAGE);
        platform.awaitReady(PackagedService.INGEST);
        platform.awaitReady(PackagedService.TRIAGE);
        Thread.sleep(5_000); // a few watches after the restart
        assertEquals(1, platform.count("triage", silences), "the restarts opened no second incident");
        assertEquals(1, platform.count("ingest", "select count(*) from sensor_silence where tenant_id = '" + sme.tenantId + "'"));
        String first = "(select id from incident where kind = 'SENSOR_SILENT' and tenant_id = '" + sme.tenantId
                + "' order by opened_at limit 1)";

        // its next alert ends the silence (ten seconds later it is silent again, which is another silence)
        assertTrue(sme.send("after-silence", "RECON", "LOW", "fw-01"));
        awaitCount("triage", "select count(*) from incident where id = " + first
                + " and status = 'RESOLVED' and resolution = 'RECOVERED'", 1, 90);
        assertEquals(1, platform.count("triage", "select count(*) from timeline_entry t join incident i on i.id = t.incident_id"
                + " where i.id = " + first + " and t.customer_key = 'sensor.spoke'"));
        System.out.printf("SENSOR silence across an ingest and triage restart: one incident, resolved by the next alert (tenant %s)%n",
                sme.tenantId);
    }

    private void awaitCount(String database, String sql, long expected, int seconds) throws InterruptedException {
        for (int i = 0; i < seconds * 2 && platform.count(database, sql) < expected; i++) {
            Thread.sleep(500);
        }
        assertEquals(expected, platform.count(database, sql), sql);
    }
}

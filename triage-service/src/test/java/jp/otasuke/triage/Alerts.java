package jp.otasuke.triage;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.SensorKind;
import jp.otasuke.common.events.Enums.Severity;

/** Alerts as ingest-service publishes them, for one SME's sensors: {@code Alerts.of(tenant).host("pc-01").malware()}. */
public final class Alerts {

    private final UUID tenantId;
    private final UUID sensorId = UUID.randomUUID();
    private String host;
    private String srcIp;
    private String dstIp;
    private Instant at = Instant.parse("2026-11-20T01:00:00Z");

    private Alerts(UUID tenantId) {
        this.tenantId = tenantId;
    }

    public static Alerts of(UUID tenantId) {
        return new Alerts(tenantId);
    }

    public Alerts host(String value) {
        host = value;
        return this;
    }

    public Alerts from(String ip) {
        srcIp = ip;
        return this;
    }

    public Alerts to(String ip) {
        dstIp = ip;
        return this;
    }

    public Alerts at(Instant value) {
        at = value;
        return this;
    }

    public AlertReceived alert(AlertCategory category, Severity severity, String title) {
        UUID alertId = UUID.randomUUID();
        return new AlertReceived(alertId, Instant.now(), alertId, tenantId, sensorId, SensorKind.NETWORK, "canonical",
                "ref-" + alertId, at, category, severity, title, host, srcIp, dstIp, null, "sig-1",
                Map.of(), "{\"raw\":true}");
    }

    public AlertReceived malware(Severity severity) {
        return alert(AlertCategory.MALWARE, severity, "Trojan detected");
    }

    public AlertReceived scan(Severity severity) {
        return alert(AlertCategory.RECON, severity, "ET SCAN Nmap Scripting Engine");
    }
}

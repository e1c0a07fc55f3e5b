package jp.otasuke.ingest.intake.format;

import static jp.otasuke.ingest.intake.format.SampleCorpusTest.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Severity;

/** Named examples from the samples: each source's fields land where the SOC expects them. */
class FieldMappingTest {

    @Test
    void suricataExploitAlert() {
        NormalizedAlert a = first("suricata_eve/crowdsec_suricata-eve-detect.jsonl");
        assertEquals("ET EXPLOIT Apache HTTP Server 2.4.49 - Path Traversal Attempt (CVE-2021-41773) M2", a.title());
        assertEquals(AlertCategory.INTRUSION, a.category());
        assertEquals(Severity.HIGH, a.severity());
        assertEquals(Instant.parse("2022-07-12T06:22:33.415742Z"), a.observedAt());
        assertEquals("1.2.3.4", a.srcIp());
        assertEquals("1.2.3.5", a.dstIp());
        assertEquals("2034125", a.signature());
        assertEquals("1398609176796675", a.details().get("flowId"), "64-bit flow ids stay exact");
        assertTrue(a.raw().startsWith("{\"timestamp\":\"2022-07-12T06:22:33.415742+0000\""), "the raw record is kept");
    }

    @Test
    void aFlowIdBeyondTheSignedRangeStaysExactToo() {
        ParseOutcome outcome = AlertFormat.SURICATA_EVE.newParser().parse("{\"timestamp\":\"2026-12-02T10:00:00.000000+0900\","
                + "\"flow_id\":18446744073709551615,\"event_type\":\"alert\",\"src_ip\":\"10.0.0.5\",\"src_port\":51234,"
                + "\"alert\":{\"signature_id\":2027865,\"signature\":\"ET MALWARE Test\",\"severity\":1}}");
        NormalizedAlert a = ((ParseOutcome.Alert) outcome).alert();
        assertEquals("18446744073709551615", a.details().get("flowId"), "Suricata's flow ids are unsigned 64-bit");
        assertEquals("51234", a.details().get("srcPort"));
        assertEquals(Severity.HIGH, a.severity());
    }

    @Test
    void suricataOffsetWithoutColonBecomesUtc() {
        NormalizedAlert a = first("suricata_eve/surevego_eve.jsonl");
        assertEquals(AlertCategory.POLICY, a.category());
        assertEquals(Severity.LOW, a.severity());
        assertTrue(a.observedAt().toString().startsWith("2017-01-30T15:12"), "+0100 local 16:12 is 15:12 UTC: " + a.observedAt());
    }

    @Test
    void wazuhClamAvVirus() {
        NormalizedAlert a = first("wazuh_alerts/wazuhdoc_clamav_alerts.jsonl");
        assertEquals("ClamAV: Virus detected", a.title());
        assertEquals(AlertCategory.MALWARE, a.category());
        assertEquals(Severity.HIGH, a.severity());
        assertEquals("ip-172-31-44-227", a.host());
        assertEquals("1673287857.654581", a.sourceRef());
        assertEquals(Instant.parse("2023-01-09T18:10:57.937Z"), a.observedAt());
        assertEquals("wazuh:52502", a.signature());
    }

    @Test
    void wazuhAlertWithAnInvalidEscapeIsStillTakenIn() {
        List<NormalizedAlert> alerts = Samples.alerts("wazuh_alerts/wazuh_oracledb_alert_examples.jsonl", AlertFormat.WAZUH);
        assertEquals(2, alerts.size(), "a detection is not dropped for a stray backslash");
        assertEquals(Instant.parse("2021-07-14T18:21:33.363Z"), alerts.get(0).observedAt(), "-0700 without colon");
        assertEquals(Instant.parse("2021-07-14T18:20:43.107Z"), alerts.get(1).observedAt());
    }

    @Test
    void wazuhIndexerHitIsUnwrapped() {
        NormalizedAlert a = first("wazuh_alerts/wazuh_indexer_hits_osquery.jsonl");
        assertTrue(a.signature().startsWith("wazuh:"));
        assertTrue(a.observedAt().toString().startsWith("2026"), a.observedAt().toString());
    }

    @Test
    void cefHeaderAndExtensions() {
        NormalizedAlert a = first("cef/logstash_codec_cef_spec.cef");
        assertEquals("trojan successfully stopped", a.title());
        assertEquals(Severity.CRITICAL, a.severity());
        assertEquals(AlertCategory.MALWARE, a.category());
        assertEquals("10.0.0.192", a.srcIp());
        assertEquals("12.121.122.82", a.dstIp());
        assertEquals("double backslash\\\\", Samples.alerts("cef/logstash_codec_cef_spec.cef", AlertFormat.CEF).get(1).title(),
                "\\\\ in a header field is one backslash, twice");
    }

    @Test
    void cefShiftJisLineIsDecoded() {
        NormalizedAlert a = first("cef/logstash_codec_cef_shift_jis.cef");
        assertTrue(a.raw().contains("ああああ"), a.raw());
    }

    @Test
    void cefEscapedBackslashesInWindowsPaths() {
        NormalizedAlert a = first("cef/azure_sentinel_withsecure.cef");
        assertEquals("DESKTOP-UCETTHQ\\gtn-user", a.user());
        assertEquals("xhFKRWFRmqT3DWU", a.host());
        assertEquals(Severity.MEDIUM, a.severity());
    }

    @Test
    void cefEpochMillisecondTime() {
        NormalizedAlert a = first("cef/azure_sentinel_barracuda_waf.cef");
        assertEquals(Instant.parse("2022-08-03T10:49:35.038Z").getEpochSecond() / 86_400, a.observedAt().getEpochSecond() / 86_400);
    }

    @Test
    void fortiGateSslVpnLoginFailureWithNanosecondEventTime() {
        NormalizedAlert a = first("fortigate_syslog/crowdsec_fortinet_sslvpn_login_fail.log");
        assertEquals(AlertCategory.BRUTE_FORCE, a.category());
        assertEquals(Instant.parse("2024-10-14T20:46:40.841267391Z"), a.observedAt());
        assertEquals("192.168.0.1", a.srcIp());
        assertNull(a.user(), "N/A is no user");
        assertEquals("SSL VPN login fail", a.title());
    }

    @Test
    void fortiGateAdminLoginFailureInDeviceLocalTime() {
        NormalizedAlert a = Samples.alerts("fortigate_syslog/wazuh_ruleset_fortigate.log", AlertFormat.FORTIGATE).get(1);
        assertEquals("Admin login failed", a.title());
        assertEquals(AlertCategory.BRUTE_FORCE, a.category());
        assertEquals(Severity.HIGH, a.severity());
        assertEquals(Instant.parse("2016-06-14T03:22:01Z"), a.observedAt(), "zoneless 12:22:01 is Japan time");
        assertEquals("gfedhf", a.user());
        assertEquals("4.3.5.253", a.srcIp());
    }

    @Test
    void sonicWallSiteBlockedWithHostName() {
        NormalizedAlert a = Samples.alerts("sonicwall_syslog/wazuh_ruleset_sonicwall.log", AlertFormat.SONICWALL).stream()
                .filter(x -> x.title().equals("Web site access denied")).findFirst().orElseThrow();
        assertEquals(AlertCategory.POLICY, a.category());
        assertEquals(Severity.MEDIUM, a.severity());
        assertEquals("192.168.0.46", a.srcIp());
        assertEquals("34.194.213.204", a.dstIp());
        assertEquals("nb020.example.com", a.host());
        assertEquals(Instant.parse("2019-03-19T06:44:01Z"), a.observedAt());
    }

    @Test
    void windowsFailedLogonFromEventXml() {
        NormalizedAlert a = first("windows_events/crowdsec_windows_security_4625.xml.log");
        assertEquals(AlertCategory.BRUTE_FORCE, a.category());
        assertEquals("exchange-1.mydomain.test", a.host());
        assertEquals(Instant.parse("2022-04-29T12:36:01.9027913Z"), a.observedAt());
        assertEquals("windows:Security/4625", a.signature());
    }

    @Test
    void sysmonProcessCreateWithATechniqueAndSingleBackslashes() {
        NormalizedAlert a = first("windows_events/wazuh_eventchannel_sysmon_eid_1.jsonl");
        assertEquals("DESKTOP-2QKFOBA", a.host());
        assertEquals("DESKTOP-2QKFOBA\\AtomicRedTeamTest", a.user());
        assertEquals(AlertCategory.INTRUSION, a.category());
        assertEquals(Severity.MEDIUM, a.severity());
        assertEquals("Process created: wscript.exe", a.title());
        assertEquals("DESKTOP-2QKFOBA/Microsoft-Windows-Sysmon/Operational/144504", a.sourceRef());
    }

    @Test
    void zeekSshPasswordGuessing() {
        NormalizedAlert a = first("zeek/policy.protocols.ssh.detect-bruteforcing_notice.log");
        assertEquals(AlertCategory.BRUTE_FORCE, a.category());
        assertEquals("192.168.56.1", a.srcIp());
        assertEquals(Instant.parse("2015-03-30T14:45:59.303199Z"), a.observedAt());
        assertEquals("SSH::Password_Guessing", a.signature());
    }

    @Test
    void zeekIntelEmailMatch() {
        NormalizedAlert a = first("zeek/policy.frameworks.intel.seen.smtp_intel.log");
        assertEquals(AlertCategory.PHISHING, a.category());
        assertEquals(Severity.HIGH, a.severity());
        assertEquals("188.184.129.157", a.srcIp());
    }

    @Test
    void aCefExtensionThatIsNotKeyValueIsRejected() {
        assertInstanceOf(ParseOutcome.Rejected.class,
                AlertFormat.CEF.newParser().parse("CEF:0|vendor|product|1|42|name|5|this is not key value"));
    }

    @Test
    void canonicalAlertNamesEachBadField() {
        ParseOutcome outcome = AlertFormat.CANONICAL.newParser()
                .parse("{\"observedAt\":\"yesterday\",\"category\":\"VIRUS\",\"severity\":\"HIGH\"}");
        String reason = ((ParseOutcome.Rejected) outcome).reason();
        assertTrue(reason.contains("observedAt") && reason.contains("category") && reason.contains("title"), reason);
    }
}

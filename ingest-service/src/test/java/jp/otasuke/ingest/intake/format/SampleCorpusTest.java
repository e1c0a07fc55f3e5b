package jp.otasuke.ingest.intake.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every line of the shared samples, through auto-detection and through the named format: how many alerts,
 * non-alert records (skipped) and unreadable records (rejected). Blank lines are no record.
 */
class SampleCorpusTest {

    @ParameterizedTest(name = "{0}: {2} alerts, {3} skipped, {4} rejected")
    @CsvSource({
            "suricata_eve/surevego_eve.jsonl,                         suricata-eve, 43, 117, 0",
            "suricata_eve/surevego_eve_broken_lines.jsonl,            suricata-eve,  0,   1, 4",
            "suricata_eve/gtkcyber_eve_subset.jsonl,                  suricata-eve, 41,   8, 0",
            "suricata_eve/crowdsec_suricata-eve-detect.jsonl,         suricata-eve,  3,   0, 0",
            "suricata_eve/crowdsec_suricata-logs-evelog.jsonl,        suricata-eve,  2,   3, 0",
            "suricata_eve/wazuh_engine_suricata_alerts.jsonl,         suricata-eve,  2,   0, 0",
            "suricata_eve/wazuh_ruleset_malicious-ioc_eve.jsonl,      suricata-eve,  2,   1, 0",
            "suricata_eve/telegraf_eve_misc.jsonl,                    suricata-eve,  2,   3, 0",
            "suricata_eve/telegraf_stats_very_long_line.jsonl,        suricata-eve,  0,   1, 0",
            "suricata_eve/oisf_docs_eve_examples.jsonl,               suricata-eve,  2,   4, 0",
            "wazuh_alerts/wazuhdoc_virustotal_alerts.jsonl,           wazuh,         3,   0, 0",
            "wazuh_alerts/wazuhdoc_clamav_alerts.jsonl,               wazuh,         3,   0, 0",
            "wazuh_alerts/wazuhdoc_windows_defender_alerts.jsonl,     wazuh,         2,   0, 0",
            "wazuh_alerts/wazuh_integratord_valid_alert.jsonl,        wazuh,         1,   0, 0",
            "wazuh_alerts/wazuh_oracledb_alert_examples.jsonl,        wazuh,         2,   0, 0",
            "wazuh_alerts/wazuh_indexer_hits_osquery.jsonl,           wazuh,         3,   0, 0",
            "wazuh_alerts/wazuhdoc_rootcheck_alerts_log_plaintext.log, wazuh,        0,   0, 10",
            "cef/logstash_codec_cef_spec.cef,                         cef,          19,   0, 0",
            "cef/logstash_codec_cef_shift_jis.cef,                    cef,           1,   0, 0",
            "cef/azure_sentinel_citrix_adc_appfw.cef,                 cef,           4,   0, 0",
            "cef/azure_sentinel_withsecure.cef,                       cef,           7,   0, 0",
            "cef/azure_sentinel_barracuda_waf.cef,                    cef,           2,   0, 0",
            "cef/azure_sentinel_fortiweb_cloud.cef,                   cef,           6,   0, 0",
            "cef/tenzir_checkpoint.cef,                               cef,           2,   0, 0",
            "cef/crowdsec_unifi_cef_logs.cef,                         cef,           5,   0, 0",
            "fortigate_syslog/wazuh_ruleset_fortigate.log,            fortigate,    19,   9, 0",
            "fortigate_syslog/crowdsec_fortinet_sslvpn_login_fail.log, fortigate,    6,   0, 0",
            "sonicwall_syslog/wazuh_ruleset_sonicwall.log,            sonicwall,     3,   4, 0",
            "windows_events/wazuh_eventchannel_sysmon_eid_1.jsonl,    windows-event, 6,   0, 0",
            "windows_events/wazuh_eventchannel_sysmon_eid_3.jsonl,    windows-event, 3,   0, 0",
            "windows_events/wazuh_eventchannel_sysmon_eid_7.jsonl,    windows-event, 2,   0, 0",
            "windows_events/wazuh_eventchannel_sysmon_eid_8.jsonl,    windows-event, 2,   0, 0",
            "windows_events/wazuh_eventchannel_sysmon_eid_10.jsonl,   windows-event, 2,   0, 0",
            "windows_events/wazuh_eventchannel_sysmon_eid_11.jsonl,   windows-event, 2,   0, 0",
            "windows_events/wazuh_eventchannel_sysmon_eid_13.jsonl,   windows-event, 2,   0, 0",
            "windows_events/wazuh_eventchannel_sysmon_eid_20.jsonl,   windows-event, 2,   0, 0",
            "windows_events/wazuh_eventchannel_win_security.jsonl,    windows-event, 6,   0, 0",
            "windows_events/wazuh_eventchannel_win_event_channel.jsonl, windows-event, 5, 0, 0",
            "windows_events/wazuh_eventchannel_windows_baseline_intrusion_detection.jsonl, windows-event, 4, 0, 0",
            "windows_events/crowdsec_windows_security_4625.xml.log,   windows-event, 4,   0, 0",
            "zeek/policy.frameworks.intel.seen.smtp_intel.log,        zeek,          7,   9, 0",
            "zeek/policy.frameworks.intel.whitelisting_intel.log,     zeek,         20,   9, 0",
            "zeek/policy.frameworks.software.version-changes_notice.log, zeek,       7,   9, 0",
            "zeek/policy.protocols.ssh.detect-bruteforcing_notice.log, zeek,         1,   9, 0",
            "zeek/policy.protocols.ssl.expiring-certs_notice.log,     zeek,          2,   9, 0"})
    void everySampleLineIsAnAlertSkippedOrRejected(String file, String format, int alerts, int skipped, int rejected) {
        Samples.Counts expected = new Samples.Counts(alerts, skipped, rejected);

        assertEquals(expected, Samples.count(file, AlertFormat.of(format).orElseThrow()), "format=" + format);
        assertEquals(expected, Samples.count(file, AlertFormat.AUTO), "format=auto");
    }

    @ParameterizedTest
    @CsvSource({"suricata_eve/surevego_eve.jsonl", "cef/azure_sentinel_withsecure.cef", "zeek/policy.protocols.ssl.expiring-certs_notice.log"})
    void anAlertsTimeIsInUtcWhateverOffsetTheSourceWrote(String file) {
        for (NormalizedAlert alert : Samples.alerts(file, AlertFormat.AUTO)) {
            Instant t = alert.observedAt();
            if (t != null) {
                assertTrue(t.isAfter(Instant.parse("2000-01-01T00:00:00Z")) && t.isBefore(Instant.parse("2030-01-01T00:00:00Z")),
                        file + ": " + t);
            }
        }
    }

    static NormalizedAlert first(String file) {
        List<NormalizedAlert> alerts = Samples.alerts(file, AlertFormat.AUTO);
        assertTrue(!alerts.isEmpty(), "no alert in " + file);
        return alerts.get(0);
    }

    static void assertPresent(Object value) {
        assertNotNull(value);
    }

    static void assertAbsent(Object value) {
        assertNull(value);
    }
}

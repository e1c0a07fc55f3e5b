package jp.otasuke.ingest.intake.format;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Severity;

/**
 * FortiGate (FortiOS) key=value syslog. Traffic logs are not alerts; UTM, anomaly and attack logs are; event
 * logs are when they are warnings or worse or say something a SOC acts on (a failed login). date/time carry
 * no zone: {@code eventtime} (epoch) wins, then {@code tz}, then the device zone.
 */
final class FortiGate implements LineParser {

    private static final Pattern IP = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})");
    private static final Set<String> SERIOUS_LEVELS = Set.of("emergency", "alert", "critical", "error", "warning");

    @Override
    public ParseOutcome parse(String line) {
        String text = SyslogPrefix.fromMarker(line, "date=", "devname=", "device_id=", "itime=", "logver=");
        if (text == null) {
            return ParseOutcome.rejected("not a FortiGate log (no date= or device fields)");
        }
        Map<String, String> kv = KeyValues.parse(text);
        String type = kv.getOrDefault("type", "");
        String subtype = kv.getOrDefault("subtype", "");
        String level = kv.getOrDefault("level", kv.getOrDefault("pri", "")).toLowerCase(java.util.Locale.ROOT);
        String description = Wazuh.first(kv.get("logdesc"), kv.get("attack"), kv.get("virus"), kv.get("msg"),
                kv.get("catdesc"), kv.get("status"));
        AlertCategory category = Classifier.classify(kv.get("logdesc"), kv.get("attack"), kv.get("virus") != null ? "virus" : null,
                kv.get("msg"), kv.get("action"), subtype, type.equals("anomaly") ? "anomaly" : null);
        if (type.equals("traffic")) {
            return ParseOutcome.skipped("FortiGate traffic log is not an alert");
        }
        if (type.equals("event") && !SERIOUS_LEVELS.contains(level) && category == AlertCategory.OTHER) {
            return ParseOutcome.skipped("informational FortiGate event log");
        }
        if (type.isEmpty() && description == null) {
            return ParseOutcome.rejected("FortiGate log without type or message");
        }
        Map<String, String> details = new LinkedHashMap<>();
        for (String key : new String[] {"type", "subtype", "level", "logid", "log_id", "devname", "devid", "device_id",
                "action", "attack", "virus", "url", "hostname", "service", "app", "policyid", "reason"}) {
            SuricataEve.put(details, key, kv.get(key));
        }
        String srcIp = Wazuh.first(kv.get("srcip"), kv.get("src"), kv.get("remip"), ipIn(kv.get("ui")));
        String title = description != null ? description : "FortiGate " + type + (subtype.isEmpty() ? "" : "/" + subtype);
        return new ParseOutcome.Alert(new NormalizedAlert("fortigate", null, time(kv), category, severity(type, level),
                title, null, srcIp, Wazuh.first(kv.get("dstip"), kv.get("dst"), kv.get("locip")),
                Wazuh.first(kv.get("user"), kv.get("xauthuser")),
                Wazuh.first(kv.get("attackid"), kv.get("logid"), kv.get("log_id")), details, line));
    }

    private static Severity severity(String type, String level) {
        Severity byLevel = switch (level) {
            case "emergency", "alert", "critical" -> Severity.HIGH;
            case "error", "warning" -> Severity.MEDIUM;
            default -> Severity.LOW;
        };
        boolean threat = type.equals("utm") || type.equals("anomaly") || type.equals("virus") || type.equals("attack")
                || type.equals("infected") || type.equals("ips");
        return threat && byLevel == Severity.LOW ? Severity.MEDIUM : byLevel;
    }

    private static Instant time(Map<String, String> kv) {
        Instant epoch = Timestamps.epoch(kv.get("eventtime"));
        if (epoch != null) {
            return epoch;
        }
        String date = kv.get("date");
        String time = kv.get("time");
        if (date == null || time == null) {
            return null;
        }
        ZoneId zone = Timestamps.offset(kv.get("tz"));
        // old FortiOS wrote "time=10: 13:03" now and then
        return Timestamps.local(date + " " + time.replace(" ", ""), zone != null ? zone : Timestamps.DEVICE_ZONE);
    }

    private static String ipIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = IP.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}

package jp.otasuke.ingest.intake.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Severity;

/**
 * SonicWall key=value syslog. {@code pri} is the syslog priority (0 emergency … 7 debug): warnings and worse
 * are alerts, as is anything that reads like a threat; routine notices (NAT mappings, connections) are
 * skipped. Addresses come as {@code ip:port:zone[:host]}; {@code time} is UTC when it says so.
 */
final class SonicWall implements LineParser {

    private static final Pattern START = Pattern.compile("(?:^|\\s)(id=\\S+\\s+sn=)");

    @Override
    public ParseOutcome parse(String line) {
        String text = SyslogPrefix.from(line, START);
        if (text == null) {
            return ParseOutcome.rejected("not a SonicWall log (no id= sn=)");
        }
        Map<String, String> kv = KeyValues.parse(text);
        String msg = kv.get("msg");
        int pri = parsePri(kv.get("pri"));
        AlertCategory category = Classifier.classify(msg, kv.get("note"), kv.get("Category"), kv.get("appName"));
        if (pri > 4 && category == AlertCategory.OTHER) {
            return ParseOutcome.skipped("informational SonicWall log (pri " + pri + ")");
        }
        Map<String, String> details = new LinkedHashMap<>();
        for (String key : new String[] {"id", "sn", "fw", "pri", "c", "m", "n", "proto", "note", "rule", "appName", "dstname"}) {
            SuricataEve.put(details, key, kv.get(key));
        }
        Severity severity = pri == 0 ? Severity.CRITICAL : pri <= 2 ? Severity.HIGH : pri <= 4 ? Severity.MEDIUM : Severity.LOW;
        return new ParseOutcome.Alert(new NormalizedAlert("sonicwall", null,
                Timestamps.local(kv.get("time"), Timestamps.DEVICE_ZONE), category, severity,
                msg != null ? msg : "SonicWall event " + kv.get("m"), host(kv.get("src")),
                Wazuh.first(address(kv.get("src")), kv.get("srcV6")), Wazuh.first(address(kv.get("dst")), kv.get("dstV6")),
                kv.get("usr"), kv.get("m") == null ? null : "sonicwall:" + kv.get("m"), details, line));
    }

    private static int parsePri(String pri) {
        try {
            return Integer.parseInt(pri);
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    /** "10.12.14.9::X0-V500" or "192.168.0.46:59668:X0:nb020.example.com" → the IPv4 address. */
    private static String address(String value) {
        if (value == null || value.startsWith(":")) {
            return null;
        }
        String ip = value.split(":")[0];
        return ip.isEmpty() ? null : ip;
    }

    /** The host name SonicWall appends as the fourth part, when it resolved one. */
    private static String host(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(":");
        return parts.length >= 4 && !parts[3].isBlank() ? parts[3] : null;
    }
}

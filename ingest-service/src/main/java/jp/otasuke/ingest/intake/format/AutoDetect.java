package jp.otasuke.ingest.intake.format;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tells the formats apart line by line, from what each always carries: EVE's event_type, Wazuh's rule,
 * the agent's win.system, CEF's header, FortiGate's date= and device fields, SonicWall's id= sn=, Zeek's
 * header. A syslog priority ("&lt;34&gt;") pasted in front is ignored.
 */
final class AutoDetect implements LineParser {

    private static final Pattern PRI = Pattern.compile("^<\\d{1,3}>");
    private static final Pattern CEF = Pattern.compile("(^|\\s)CEF:\\s?\\d+\\||^\\d+\\|[^|]*\\|[^|]*\\|");
    private static final Pattern FORTIGATE = Pattern.compile("(^|\\s)(date=\\S+ time=|devid=|device_id=|logid=\"?\\d)");
    private static final Pattern SONICWALL = Pattern.compile("(^|\\s)id=\\S+\\s+sn=\\S+");

    private final SuricataEve suricata = new SuricataEve();
    private final Wazuh wazuh = new Wazuh();
    private final WindowsEvent windows = new WindowsEvent();
    private final Canonical canonical = new Canonical();
    private final Cef cef = new Cef();
    private final FortiGate fortigate = new FortiGate();
    private final SonicWall sonicwall = new SonicWall();
    private final Zeek zeek = new Zeek();
    /** Inside a multi-line Wazuh alerts.log record, whose other lines match no format. */
    private boolean inWazuhPlainText;

    @Override
    public ParseOutcome parse(String line) {
        ParseOutcome outcome = detect(PRI.matcher(line).replaceFirst(""));
        if (line.startsWith("** Alert")) {
            inWazuhPlainText = true;
        } else if (!(outcome instanceof ParseOutcome.Rejected)) {
            inWazuhPlainText = false;
        } else if (inWazuhPlainText) {
            return ParseOutcome.rejected("part of a Wazuh alerts.log plain-text record: send alerts.json lines");
        }
        return outcome;
    }

    private ParseOutcome detect(String l) {
        if (l.startsWith("{")) {
            JsonNode json = Json.object(l);
            if (json == null) {
                return ParseOutcome.rejected("not valid JSON");
            }
            if (json.has("event_type")) {
                return suricata.parse(l);
            } else if (json.has("win")) {
                return windows.parse(l);
            } else if (json.has("rule") || json.has("_source")) {
                return wazuh.parse(l);
            } else if (json.has("title") || json.has("category") || json.has("severity")) {
                return Canonical.parse(json, l);
            }
            return ParseOutcome.rejected("JSON of no known alert format");
        }
        if (l.startsWith("<")) {
            return windows.parse(l);
        }
        if (l.startsWith("#") || (zeek.hasHeader() && l.indexOf('\t') >= 0)) {
            return zeek.parse(l);
        }
        if (l.startsWith("** Alert")) {
            return wazuh.parse(l);
        }
        // cheap literal checks first: the regular expressions scan the whole line
        if ((l.contains("CEF:") || l.indexOf('|') > 0) && CEF.matcher(l).find()) {
            return cef.parse(l);
        }
        if (l.contains(" sn=") && SONICWALL.matcher(l).find()) {
            return sonicwall.parse(l);
        }
        if ((l.contains("date=") || l.contains("devid=") || l.contains("device_id=") || l.contains("logid="))
                && FORTIGATE.matcher(l).find()) {
            return fortigate.parse(l);
        }
        return ParseOutcome.rejected("not a format this platform reads (" + AlertFormat.names() + ")");
    }
}

package jp.otasuke.ingest.intake.format;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jp.otasuke.common.events.Enums.Severity;

/**
 * Wazuh alerts: alerts.json lines and the same alerts as the Wazuh indexer returns them (an OpenSearch hit
 * with the alert in {@code _source}). The plain-text alerts.log ("** Alert ...") is not JSON and is
 * refused with a reason that says so.
 */
final class Wazuh implements LineParser {

    @Override
    public ParseOutcome parse(String line) {
        if (line.startsWith("** Alert") || (!line.startsWith("{") && isAlertsLogContinuation(line))) {
            return ParseOutcome.rejected("Wazuh alerts.log plain text is not supported: send alerts.json lines");
        }
        JsonNode root = Json.object(line);
        if (root == null) {
            return ParseOutcome.rejected("not a JSON object");
        }
        JsonNode alert = root.has("_source") ? root.get("_source") : root;
        JsonNode rule = alert.get("rule");
        if (rule == null || !rule.isObject()) {
            return ParseOutcome.rejected("not a Wazuh alert (no rule)");
        }
        String description = Json.text(rule, "description");
        String groups = Json.text(rule, "groups");
        Map<String, String> details = new LinkedHashMap<>();
        SuricataEve.put(details, "ruleId", Json.text(rule, "id"));
        SuricataEve.put(details, "ruleLevel", Json.text(rule, "level"));
        SuricataEve.put(details, "groups", groups);
        SuricataEve.put(details, "mitre", Json.text(rule, "mitre", "technique"));
        SuricataEve.put(details, "agentId", Json.text(alert, "agent", "id"));
        SuricataEve.put(details, "location", Json.text(alert, "location"));
        String sourceRef = Json.text(alert, "id");
        if (sourceRef == null) {
            sourceRef = Json.text(root, "_id");
        }
        String srcIp = first(Json.text(alert, "data", "srcip"), Json.text(alert, "data", "src_ip"));
        String user = first(Json.text(alert, "data", "srcuser"), Json.text(alert, "data", "dstuser"),
                Json.text(alert, "data", "win", "eventdata", "targetUserName"));
        return new ParseOutcome.Alert(new NormalizedAlert("wazuh", sourceRef, Timestamps.iso(Json.text(alert, "timestamp")),
                Classifier.classify(description, groups, Json.text(alert, "data", "virustotal", "positives") != null
                        && !"0".equals(Json.text(alert, "data", "virustotal", "positives")) ? "malicious" : null),
                severity(Json.text(rule, "level")), description != null ? description : "Wazuh rule " + Json.text(rule, "id"),
                Json.text(alert, "agent", "name"), srcIp, first(Json.text(alert, "data", "dstip"), Json.text(alert, "data", "dest_ip")),
                user, "wazuh:" + Json.text(rule, "id"), details, line));
    }

    /** Wazuh rule levels 0-15: 12 and above are high-importance events. */
    private static Severity severity(String level) {
        int l;
        try {
            l = Integer.parseInt(level);
        } catch (NumberFormatException e) {
            return Severity.MEDIUM;
        }
        if (l >= 12) {
            return Severity.CRITICAL;
        } else if (l >= 8) {
            return Severity.HIGH;
        } else if (l >= 5) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }

    /** The other lines of a multi-line alerts.log record: "2022 Nov 15 ...", "Rule: ...", "Src IP: ...". */
    private static boolean isAlertsLogContinuation(String line) {
        return ALERTS_LOG_DATE.matcher(line).lookingAt() || ALERTS_LOG_FIELD.matcher(line).lookingAt();
    }

    private static final java.util.regex.Pattern ALERTS_LOG_DATE =
            java.util.regex.Pattern.compile("\\d{4} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} ");
    private static final java.util.regex.Pattern ALERTS_LOG_FIELD =
            java.util.regex.Pattern.compile("(Rule|Src IP|User|Dst IP|File|Title): ");

    static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank() && !v.equals("-") && !v.equalsIgnoreCase("N/A")) {
                return v;
            }
        }
        return null;
    }
}

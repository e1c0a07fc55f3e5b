package jp.otasuke.ingest.intake.format;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jp.otasuke.common.events.Enums.Severity;

/**
 * Suricata EVE JSON: one object per line; only {@code event_type=alert} is an alert, the rest (flow, dns,
 * http, fileinfo, stats, ...) is skipped. Alert severity 1 is the highest.
 */
final class SuricataEve implements LineParser {

    @Override
    public ParseOutcome parse(String line) {
        JsonNode eve = Json.object(line);
        if (eve == null) {
            return ParseOutcome.rejected("not a JSON object");
        }
        String type = Json.text(eve, "event_type");
        if (type == null) {
            return ParseOutcome.rejected("not a Suricata EVE record (no event_type)");
        }
        if (!type.equals("alert")) {
            return ParseOutcome.skipped("event_type " + type + " is not an alert");
        }
        JsonNode alert = eve.get("alert");
        if (alert == null || !alert.isObject()) {
            return ParseOutcome.rejected("alert record without an alert object");
        }
        String signature = Json.text(alert, "signature");
        String category = Json.text(alert, "category");
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "signatureId", Json.text(alert, "signature_id"));
        put(details, "gid", Json.text(alert, "gid"));
        put(details, "rev", Json.text(alert, "rev"));
        put(details, "suricataCategory", category);
        put(details, "action", Json.text(alert, "action"));
        put(details, "proto", Json.text(eve, "proto"));
        put(details, "srcPort", Json.text(eve, "src_port"));
        put(details, "destPort", Json.text(eve, "dest_port"));
        put(details, "appProto", Json.text(eve, "app_proto"));
        put(details, "flowId", Json.text(eve, "flow_id"));
        put(details, "httpHostname", Json.text(eve, "http", "hostname"));
        put(details, "httpUrl", Json.text(eve, "http", "url"));
        return new ParseOutcome.Alert(new NormalizedAlert("suricata-eve", null, Timestamps.iso(Json.text(eve, "timestamp")),
                Classifier.classify(signature, category, Json.text(alert, "metadata", "former_category")),
                severity(Json.text(alert, "severity")), signature != null ? signature : "Suricata alert",
                // EVE names no affected host (its "host" is the sensor's name): correlation uses the source address
                null, Json.text(eve, "src_ip"), Json.text(eve, "dest_ip"), null,
                Json.text(alert, "signature_id"), details, line));
    }

    /** Suricata's priority: 1 high, 2 medium, 3 and above low (a few rules use 1 for critical exploits). */
    private static Severity severity(String value) {
        if (value == null) {
            return Severity.MEDIUM;
        }
        return switch (value) {
            case "1" -> Severity.HIGH;
            case "2" -> Severity.MEDIUM;
            default -> Severity.LOW;
        };
    }

    static void put(Map<String, String> details, String key, String value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}

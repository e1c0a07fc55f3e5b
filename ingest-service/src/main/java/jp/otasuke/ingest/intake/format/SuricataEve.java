package jp.otasuke.ingest.intake.format;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.otasuke.common.events.Enums.Severity;

/**
 * Suricata EVE JSON: one object per line; only {@code event_type=alert} is an alert, the rest (flow, dns,
 * http, fileinfo, stats, ...) is skipped. Alert severity 1 is the highest.
 */
final class SuricataEve implements LineParser {

    /** What is read of a line (JsonFieldsTest reads the same). */
    enum Field implements JsonFields.Field {
        EVENT_TYPE("event_type"), TIMESTAMP("timestamp"), SRC_IP("src_ip"), DEST_IP("dest_ip"), PROTO("proto"),
        SRC_PORT("src_port"), DEST_PORT("dest_port"), APP_PROTO("app_proto"), FLOW_ID("flow_id"),
        HTTP_HOSTNAME("http.hostname"), HTTP_URL("http.url"), SIGNATURE("alert.signature"), CATEGORY("alert.category"),
        SIGNATURE_ID("alert.signature_id"), GID("alert.gid"), REV("alert.rev"), ACTION("alert.action"),
        SEVERITY("alert.severity"), FORMER_CATEGORY("alert.metadata.former_category");

        private final String path;

        Field(String path) {
            this.path = path;
        }

        @Override
        public String path() {
            return path;
        }
    }

    private static final JsonFields<Field> FIELDS = new JsonFields<>(Field.class);
    private static final int ALERT_OBJECT = FIELDS.objectIndex("alert");

    @Override
    public ParseOutcome parse(String line) {
        JsonFields.Values<Field> eve = FIELDS.read(line);
        if (eve == null) {
            return ParseOutcome.rejected("not a JSON object");
        }
        String type = eve.text(Field.EVENT_TYPE);
        if (type == null) {
            return ParseOutcome.rejected("not a Suricata EVE record (no event_type)");
        }
        if (!type.equals("alert")) {
            return ParseOutcome.skipped("event_type " + type + " is not an alert");
        }
        if (!JsonFields.isObject(eve, ALERT_OBJECT)) {
            return ParseOutcome.rejected("alert record without an alert object");
        }
        String signature = eve.text(Field.SIGNATURE);
        String category = eve.text(Field.CATEGORY);
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "signatureId", eve.text(Field.SIGNATURE_ID));
        put(details, "gid", eve.text(Field.GID));
        put(details, "rev", eve.text(Field.REV));
        put(details, "suricataCategory", category);
        put(details, "action", eve.text(Field.ACTION));
        put(details, "proto", eve.text(Field.PROTO));
        put(details, "srcPort", eve.text(Field.SRC_PORT));
        put(details, "destPort", eve.text(Field.DEST_PORT));
        put(details, "appProto", eve.text(Field.APP_PROTO));
        put(details, "flowId", eve.text(Field.FLOW_ID));
        put(details, "httpHostname", eve.text(Field.HTTP_HOSTNAME));
        put(details, "httpUrl", eve.text(Field.HTTP_URL));
        return new ParseOutcome.Alert(new NormalizedAlert("suricata-eve", null, Timestamps.iso(eve.text(Field.TIMESTAMP)),
                Classifier.classify(signature, category, eve.text(Field.FORMER_CATEGORY)),
                severity(eve.text(Field.SEVERITY)), signature != null ? signature : "Suricata alert",
                // EVE names no affected host (its "host" is the sensor's name): correlation uses the source address
                null, eve.text(Field.SRC_IP), eve.text(Field.DEST_IP), null, eve.text(Field.SIGNATURE_ID), details, line));
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

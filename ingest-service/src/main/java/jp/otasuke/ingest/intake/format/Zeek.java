package jp.otasuke.ingest.intake.format;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Severity;

/**
 * Zeek TSV logs: the header ({@code #separator}, {@code #fields}, ...) names the columns, so this parser
 * keeps the header of the document it reads. notice.log rows and intel.log matches are alerts; rows of
 * other logs (conn, dns, ...) are skipped. "-" is unset and "(empty)" an empty set. Rows carry no id of
 * their own (notices without a connection repeat ts and note), so an alert's id comes from its bytes.
 */
final class Zeek implements LineParser {

    private String separator = "\t";
    private String path;
    private List<String> fields;

    /** True once a header named the columns: later data lines belong to this parser. */
    boolean hasHeader() {
        return fields != null;
    }

    @Override
    public ParseOutcome parse(String line) {
        if (line.startsWith("#")) {
            header(line);
            return ParseOutcome.skipped("Zeek log header");
        }
        if (fields == null) {
            return ParseOutcome.rejected("Zeek data line before its #fields header");
        }
        String[] values = line.split(java.util.regex.Pattern.quote(separator), -1);
        if (values.length != fields.size()) {
            return ParseOutcome.rejected("Zeek row has " + values.length + " columns, the header names " + fields.size());
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            row.put(fields.get(i), v.equals("-") || v.equals("(empty)") ? null : v.replace("\\x2c", ","));
        }
        if ("notice".equals(path)) {
            return notice(row, line);
        } else if ("intel".equals(path)) {
            return intel(row, line);
        }
        return ParseOutcome.skipped("Zeek " + path + " log is not an alert");
    }

    private ParseOutcome notice(Map<String, String> row, String line) {
        String note = row.get("note");
        String msg = row.get("msg");
        Map<String, String> details = new LinkedHashMap<>();
        SuricataEve.put(details, "note", note);
        SuricataEve.put(details, "sub", row.get("sub"));
        SuricataEve.put(details, "uid", row.get("uid"));
        SuricataEve.put(details, "actions", row.get("actions"));
        AlertCategory category = Classifier.classify(note, msg);
        Severity severity = category == AlertCategory.POLICY ? Severity.LOW : Severity.MEDIUM;
        return new ParseOutcome.Alert(new NormalizedAlert("zeek", null, Timestamps.epoch(row.get("ts")),
                category, severity, msg != null ? msg : note, null,
                Wazuh.first(row.get("src"), row.get("id.orig_h")), Wazuh.first(row.get("dst"), row.get("id.resp_h")),
                null, note, details, line));
    }

    private ParseOutcome intel(Map<String, String> row, String line) {
        String indicator = row.get("seen.indicator");
        String type = row.getOrDefault("seen.indicator_type", "");
        AlertCategory category = switch (type == null ? "" : type) {
            case "Intel::EMAIL" -> AlertCategory.PHISHING;
            case "Intel::FILE_HASH", "Intel::FILE_NAME" -> AlertCategory.MALWARE;
            case "Intel::ADDR", "Intel::DOMAIN", "Intel::URL", "Intel::SUBNET" -> AlertCategory.C2;
            default -> AlertCategory.OTHER;
        };
        Map<String, String> details = new LinkedHashMap<>();
        SuricataEve.put(details, "indicator", indicator);
        SuricataEve.put(details, "indicatorType", type);
        SuricataEve.put(details, "where", row.get("seen.where"));
        SuricataEve.put(details, "sources", row.get("sources"));
        SuricataEve.put(details, "uid", row.get("uid"));
        return new ParseOutcome.Alert(new NormalizedAlert("zeek", null,
                Timestamps.epoch(row.get("ts")), category, Severity.HIGH,
                "Threat intelligence match: " + indicator + " (" + type + ") in " + row.get("seen.where"), null,
                row.get("id.orig_h"), row.get("id.resp_h"), null, type, details, line));
    }

    private void header(String line) {
        if (line.startsWith("#separator")) {
            String sep = line.substring("#separator".length()).trim();
            separator = sep.equals("\\x09") ? "\t" : sep.replace("\\x09", "\t");
            return;
        }
        String[] parts = line.split(java.util.regex.Pattern.quote(separator), -1);
        if (parts[0].equals("#fields")) {
            fields = List.of(parts).subList(1, parts.length);
        } else if (parts[0].equals("#path") && parts.length > 1) {
            path = parts[1];
        }
    }
}

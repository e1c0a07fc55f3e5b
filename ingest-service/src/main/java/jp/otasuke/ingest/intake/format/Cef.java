package jp.otasuke.ingest.intake.format;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.otasuke.common.events.Enums.Severity;

/**
 * ArcSight Common Event Format: {@code CEF:Version|Vendor|Product|Version|Signature ID|Name|Severity|Extension},
 * with or without a syslog header in front, with "CEF: 0" or no "CEF:" at all, escaped pipes and
 * backslashes in the header, and {@code key=value} extensions whose values run until the next key.
 */
final class Cef implements LineParser {

    private static final Pattern START = Pattern.compile("(?:^|\\s)(CEF:\\s?\\d+\\|)");
    private static final Pattern BARE_START = Pattern.compile("^(\\d+\\|)");
    /** A key starts after whitespace (or at the start) and ends at an unescaped "=". */
    private static final Pattern KEY = Pattern.compile("(?:^|\\s)([A-Za-z0-9_.\\[\\],\\-]+)=");

    @Override
    public ParseOutcome parse(String line) {
        String cef = SyslogPrefix.from(line, START);
        if (cef == null) {
            cef = SyslogPrefix.from(line, BARE_START);
        }
        if (cef == null) {
            return ParseOutcome.rejected("not a CEF record (no CEF header)");
        }
        List<String> header = new ArrayList<>(7);
        int i = cef.startsWith("CEF:") ? 4 : 0;
        StringBuilder field = new StringBuilder();
        while (i < cef.length() && header.size() < 7) {
            char c = cef.charAt(i);
            if (c == '\\' && i + 1 < cef.length() && (cef.charAt(i + 1) == '|' || cef.charAt(i + 1) == '\\')) {
                field.append(cef.charAt(i + 1));
                i += 2;
            } else if (c == '|') {
                header.add(field.toString().trim());
                field.setLength(0);
                i++;
            } else {
                field.append(c);
                i++;
            }
        }
        if (header.size() < 7) {
            return ParseOutcome.rejected("CEF header has " + header.size() + " of its 7 fields");
        }
        String extensionText = cef.substring(i);
        Map<String, String> ext = extension(extensionText);
        if (ext.isEmpty() && !extensionText.isBlank()) {
            return ParseOutcome.rejected("CEF extension is not key=value pairs");
        }
        String vendor = header.get(1);
        String product = header.get(2);
        String signatureId = header.get(4);
        String name = header.get(5);
        Map<String, String> details = new LinkedHashMap<>();
        SuricataEve.put(details, "vendor", blank(vendor));
        SuricataEve.put(details, "product", blank(product));
        SuricataEve.put(details, "deviceVersion", blank(header.get(3)));
        SuricataEve.put(details, "cefSeverity", blank(header.get(6)));
        for (String key : List.of("cat", "act", "app", "spt", "dpt", "proto", "request", "requestMethod", "msg", "outcome",
                "fname", "filePath", "fileHash", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6")) {
            String v = ext.get(key);
            if (v != null && !v.isBlank()) {
                String label = ext.get(key + "Label");
                details.put(label != null && !label.isBlank() ? label : key, v);
            }
        }
        String title = blank(name) != null ? name : (blank(ext.get("msg")) != null ? ext.get("msg") : "CEF event " + signatureId);
        return new ParseOutcome.Alert(new NormalizedAlert("cef", blank(ext.get("externalId")), time(ext),
                Classifier.classify(name, ext.get("cat"), ext.get("act"), ext.get("msg"), signatureId),
                severity(header.get(6)), title, Wazuh.first(ext.get("dhost"), ext.get("shost"), ext.get("dvchost")),
                Wazuh.first(ext.get("src"), ext.get("c6a2")), Wazuh.first(ext.get("dst"), ext.get("c6a3")),
                Wazuh.first(ext.get("suser"), ext.get("duser")),
                blank(signatureId) == null ? null : (blank(vendor) == null ? "" : vendor + ":") + signatureId, details, line));
    }

    static Map<String, String> extension(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        List<int[]> keys = new ArrayList<>();
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            int eq = m.end() - 1;
            if (eq > 0 && text.charAt(eq - 1) == '\\') {
                continue; // an escaped "=" belongs to a value
            }
            keys.add(new int[] {m.start(1), m.end(1), m.end()});
        }
        for (int k = 0; k < keys.size(); k++) {
            int[] key = keys.get(k);
            int valueEnd = k + 1 < keys.size() ? keys.get(k + 1)[0] : text.length();
            String value = text.substring(key[2], valueEnd);
            pairs.put(text.substring(key[0], key[1]), unescape(value.strip()));
        }
        return pairs;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(i + 1);
                switch (next) {
                    case '=', '\\', '|' -> out.append(next);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    default -> out.append(c).append(next);
                }
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Instant time(Map<String, String> ext) {
        ZoneId zone = Timestamps.DEVICE_ZONE;
        String dtz = ext.get("dtz");
        if (dtz != null) {
            try {
                zone = ZoneId.of(dtz.trim());
            } catch (RuntimeException ignored) {
                // an unknown zone name: keep the device default
            }
        }
        for (String key : List.of("rt", "start", "end", "deviceReceiptTime")) {
            String v = ext.get(key);
            if (v != null && !v.isBlank()) {
                Instant t = Timestamps.iso(v);
                if (t == null) {
                    t = Timestamps.epoch(v);
                }
                if (t == null) {
                    t = Timestamps.local(v, zone);
                }
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** CEF severity: 0-3 low, 4-6 medium, 7-8 high, 9-10 very high; or the words vendors use instead. */
    static Severity severity(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.matches("\\d+")) {
            int n = Integer.parseInt(v);
            return n >= 9 ? Severity.CRITICAL : n >= 7 ? Severity.HIGH : n >= 4 ? Severity.MEDIUM : Severity.LOW;
        }
        return switch (v) {
            case "very-high", "very high", "critical" -> Severity.CRITICAL;
            case "high", "substantial" -> Severity.HIGH;
            case "low" -> Severity.LOW;
            default -> Severity.MEDIUM;
        };
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

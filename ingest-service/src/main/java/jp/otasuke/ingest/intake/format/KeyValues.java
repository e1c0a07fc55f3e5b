package jp.otasuke.ingest.intake.format;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code key=value key="quoted value"} lines of FortiGate and SonicWall: values may be quoted (with
 * spaces, "=" and commas inside) or bare; pairs are separated by one or more spaces.
 */
final class KeyValues {

    private KeyValues() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = text.substring(i, eq).trim();
            int v = eq + 1;
            String value;
            if (v < n && text.charAt(v) == '"') {
                int close = text.indexOf('"', v + 1);
                if (close < 0) {
                    close = n;
                }
                value = text.substring(v + 1, close);
                i = close + 1;
            } else {
                int space = text.indexOf(' ', v);
                int end = space < 0 ? n : space;
                value = text.substring(v, end);
                i = end;
            }
            if (!key.isEmpty() && !key.contains(" ")) {
                pairs.put(key, value);
            }
        }
        return pairs;
    }
}

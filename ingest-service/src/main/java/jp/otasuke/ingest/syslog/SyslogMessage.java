package jp.otasuke.ingest.syslog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payload of a syslog message: what follows the RFC 5424 header (PRI, version, timestamp, host, app,
 * procid, msgid, structured data, optional BOM) or the RFC 3164 header (PRI, "Mmm dd hh:mm:ss host
 * tag:"). Anything without a recognisable header is taken whole.
 */
final class SyslogMessage {

    private static final Pattern RFC5424 = Pattern.compile("^<\\d{1,3}>\\d{1,2} \\S+ \\S+ \\S+ \\S+ \\S+ ");
    private static final Pattern RFC3164 = Pattern.compile(
            "^<\\d{1,3}>(?:[A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}|\\d{4}-\\d{2}-\\d{2}T\\S+) (?:\\S+ )?");
    private static final Pattern TAG = Pattern.compile("^[\\w./\\-\\[\\]]{1,48}: ");
    private static final Pattern PRI = Pattern.compile("^<\\d{1,3}>");
    /** The sensor's key in our RFC 5424 structured-data element (32473 is the example enterprise number of RFC 5612). */
    private static final Pattern SENSOR_KEY = Pattern.compile("\\[otasuke@32473\\b[^\\]]*?\\bkey=\"([^\"\\\\\\]]+)\"");

    private SyslogMessage() {
    }

    static String payload(String message) {
        Matcher m5424 = RFC5424.matcher(message);
        if (m5424.find()) {
            String rest = skipStructuredData(message.substring(m5424.end()));
            return rest.startsWith("\uFEFF") ? rest.substring(1) : rest;
        }
        Matcher m3164 = RFC3164.matcher(message);
        if (m3164.find()) {
            String rest = message.substring(m3164.end());
            Matcher tag = TAG.matcher(rest);
            // "CEF:0|…" looks like a tag; so does "date=…"? no: only strip a tag that is not the record itself
            if (tag.find() && !rest.startsWith("CEF:")) {
                return rest.substring(tag.end());
            }
            return rest;
        }
        return PRI.matcher(message).replaceFirst("");
    }

    /**
     * The sensor key a relayed or NATed sender carries in the message itself ({@code [otasuke@32473 key="osk_…"]}),
     * which identifies it where its address cannot.
     */
    static java.util.Optional<String> sensorKey(String message) {
        Matcher key = SENSOR_KEY.matcher(message);
        return key.find() ? java.util.Optional.of(key.group(1)) : java.util.Optional.empty();
    }

    /** "-" or one or more [id param="value" …] elements, whose values may contain escaped ] and ". */
    private static String skipStructuredData(String s) {
        if (s.startsWith("- ")) {
            return s.substring(2);
        }
        if (s.equals("-")) {
            return "";
        }
        int i = 0;
        while (i < s.length() && s.charAt(i) == '[') {
            boolean quoted = false;
            i++;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ']' && !quoted) {
                    i++;
                    break;
                }
                i++;
            }
        }
        return i < s.length() && s.charAt(i) == ' ' ? s.substring(i + 1) : s.substring(Math.min(i, s.length()));
    }
}

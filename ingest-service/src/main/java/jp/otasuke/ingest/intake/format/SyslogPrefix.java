package jp.otasuke.ingest.intake.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strips what collectors put before a record: an RFC 3164 header ("Aug  3 10:49:35 host "), an RFC 5424
 * header, or a Wazuh manager prefix ("2018 Apr 09 16:03:37 host->172.24.0.253 "). The record starts at
 * the first marker its format always has ("CEF:", "date=", "id=", ...).
 */
final class SyslogPrefix {

    private SyslogPrefix() {
    }

    /** The text from the earliest marker that starts the line or follows a space; null when none does. */
    static String fromMarker(String line, String... markers) {
        int best = -1;
        for (String marker : markers) {
            int at = line.indexOf(marker);
            while (at > 0 && line.charAt(at - 1) != ' ') {
                at = line.indexOf(marker, at + 1);
            }
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best < 0 ? null : line.substring(best);
    }

    /** The text from the first match of {@code start} (a marker preceded by start of line or a space). */
    static String from(String line, Pattern start) {
        Matcher m = start.matcher(line);
        return m.find() ? line.substring(m.start(1)) : null;
    }
}

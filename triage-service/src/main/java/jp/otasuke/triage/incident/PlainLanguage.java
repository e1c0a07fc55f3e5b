package jp.otasuke.triage.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.IncidentKind;

/** What an SME reads: no signatures or rule names, just what is going on; times in Japan time. */
public final class PlainLanguage {

    private static final DateTimeFormatter JAPAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private PlainLanguage() {
    }

    public static String title(Incident incident) {
        if (incident.kind == IncidentKind.CONSULTATION) {
            return "Your consultation: " + incident.title;
        }
        String what = what(incident.category);
        return incident.hosts.length == 1 ? what + " on " + incident.hosts[0] : what;
    }

    static String what(AlertCategory category) {
        if (category == null) {
            return "Suspicious activity";
        }
        return switch (category) {
            case MALWARE -> "Possible malware infection";
            case RANSOMWARE -> "Possible ransomware attack";
            case C2 -> "A computer may be controlled from outside";
            case INTRUSION -> "Attempted break-in";
            case RECON -> "Someone is probing your network";
            case BRUTE_FORCE -> "Repeated password guessing";
            case PHISHING -> "Suspicious e-mail (phishing)";
            case EXFILTRATION -> "Possible data leak";
            case POLICY -> "A security rule was broken";
            case OTHER -> "Suspicious activity";
        };
    }

    public static String time(Instant instant) {
        return instant == null ? "unknown time" : JAPAN_TIME.format(instant);
    }
}

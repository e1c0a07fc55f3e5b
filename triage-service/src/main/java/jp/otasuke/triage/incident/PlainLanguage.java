package jp.otasuke.triage.incident;

import java.util.Locale;

import jp.otasuke.common.events.Enums.IncidentKind;
import jp.otasuke.triage.timeline.CustomerLine;

/**
 * What an SME reads about an incident: no signatures or rule names, just what is going on, in its language
 * (texts/customer bundles).
 */
public final class PlainLanguage {

    private PlainLanguage() {
    }

    public static String title(Incident incident, Locale locale) {
        return title(incident).render(locale);
    }

    public static CustomerLine title(Incident incident) {
        if (incident.kind == IncidentKind.CONSULTATION) {
            return CustomerLine.of("title.consultation", "subject", incident.title);
        }
        if (incident.kind == IncidentKind.SENSOR_SILENT) {
            return CustomerLine.of("title.sensor-silent", "sensor", incident.sensorName);
        }
        String what = what(incident);
        return incident.hosts.length == 1 ? CustomerLine.of("title.on-host", "what", what, "host", incident.hosts[0])
                : CustomerLine.of("title.what", "what", what);
    }

    /** The opening line of the SME's timeline. */
    public static CustomerLine opened(Incident incident) {
        return incident.hosts.length == 1
                ? CustomerLine.of("incident.opened.on-host", "what", what(incident), "host", incident.hosts[0])
                : CustomerLine.of("incident.opened", "what", what(incident));
    }

    private static String what(Incident incident) {
        return incident.category == null ? "OTHER" : incident.category.name();
    }
}

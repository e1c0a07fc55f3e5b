package jp.otasuke.ingest.intake.format;

import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Severity;

/**
 * Windows events from endpoint agents: the event channel JSON the Wazuh agent forwards
 * ({@code {"win":{"system":{...},"eventdata":{...}}}}) and single-line Windows Event XML. Every event a
 * sensor forwards is an alert; the event id sets what it means (a failed logon, a service installed,
 * lsass being read, ...), otherwise the level sets the severity.
 */
final class WindowsEvent implements LineParser {

    /** What an event id means to the SOC. */
    private record Meaning(AlertCategory category, Severity severity, String title) {
    }

    private static final Map<String, Meaning> MEANINGS = Map.ofEntries(
            Map.entry("Security/4625", new Meaning(AlertCategory.BRUTE_FORCE, Severity.MEDIUM, "An account failed to log on")),
            Map.entry("Security/4624", new Meaning(AlertCategory.OTHER, Severity.LOW, "An account logged on")),
            Map.entry("Security/4720", new Meaning(AlertCategory.POLICY, Severity.MEDIUM, "A user account was created")),
            Map.entry("Security/4722", new Meaning(AlertCategory.POLICY, Severity.MEDIUM, "A user account was enabled")),
            Map.entry("Security/4738", new Meaning(AlertCategory.POLICY, Severity.LOW, "A user account was changed")),
            Map.entry("Security/4728", new Meaning(AlertCategory.POLICY, Severity.MEDIUM, "A member was added to a security-enabled global group")),
            Map.entry("Security/4732", new Meaning(AlertCategory.POLICY, Severity.MEDIUM, "A member was added to a security-enabled local group")),
            Map.entry("Security/4698", new Meaning(AlertCategory.INTRUSION, Severity.MEDIUM, "A scheduled task was created")),
            Map.entry("Security/1102", new Meaning(AlertCategory.INTRUSION, Severity.HIGH, "The audit log was cleared")),
            Map.entry("Security/5136", new Meaning(AlertCategory.POLICY, Severity.LOW, "A directory service object was modified")),
            Map.entry("Security/5141", new Meaning(AlertCategory.POLICY, Severity.MEDIUM, "A directory service object was deleted")),
            Map.entry("System/7045", new Meaning(AlertCategory.INTRUSION, Severity.MEDIUM, "A service was installed")),
            Map.entry("Sysmon/1", new Meaning(AlertCategory.OTHER, Severity.LOW, "Process created")),
            Map.entry("Sysmon/3", new Meaning(AlertCategory.OTHER, Severity.LOW, "Network connection")),
            Map.entry("Sysmon/7", new Meaning(AlertCategory.OTHER, Severity.LOW, "Image loaded")),
            Map.entry("Sysmon/8", new Meaning(AlertCategory.INTRUSION, Severity.HIGH, "Remote thread created in another process")),
            Map.entry("Sysmon/10", new Meaning(AlertCategory.INTRUSION, Severity.MEDIUM, "Process accessed")),
            Map.entry("Sysmon/11", new Meaning(AlertCategory.OTHER, Severity.LOW, "File created")),
            Map.entry("Sysmon/13", new Meaning(AlertCategory.OTHER, Severity.LOW, "Registry value set")),
            Map.entry("Sysmon/20", new Meaning(AlertCategory.INTRUSION, Severity.MEDIUM, "WMI event consumer registered")),
            Map.entry("Defender/1116", new Meaning(AlertCategory.MALWARE, Severity.HIGH, "Malware detected")),
            Map.entry("Defender/1117", new Meaning(AlertCategory.MALWARE, Severity.HIGH, "Malware action taken")),
            Map.entry("Defender/5001", new Meaning(AlertCategory.INTRUSION, Severity.HIGH, "Real-time protection disabled")),
            Map.entry("AppLocker/8003", new Meaning(AlertCategory.POLICY, Severity.MEDIUM, "AppLocker would block a program")),
            Map.entry("AppLocker/8004", new Meaning(AlertCategory.POLICY, Severity.HIGH, "AppLocker blocked a program")));

    @Override
    public ParseOutcome parse(String line) {
        return line.startsWith("<") ? parseXml(line) : parseJson(line);
    }

    private ParseOutcome parseJson(String line) {
        JsonNode root = Json.object(line);
        JsonNode system = root == null ? null : root.path("win").get("system");
        if (system == null || !system.isObject()) {
            return ParseOutcome.rejected("not a Windows event channel record (no win.system)");
        }
        Map<String, String> data = new LinkedHashMap<>();
        root.path("win").path("eventdata").fields().forEachRemaining(e -> data.put(e.getKey(), undoubled(e.getValue().asText())));
        String message = Json.text(system, "message");
        return alert(Json.text(system, "providerName"), Json.text(system, "channel"), Json.text(system, "eventID"),
                Json.text(system, "level"), Json.text(system, "computer"), Json.text(system, "eventRecordID"),
                Timestamps.iso(Json.text(system, "systemTime")), message, data, "windows-event", line);
    }

    private ParseOutcome parseXml(String line) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // an event is data, never a reason to fetch or expand anything (XXE)
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new InputSource(new StringReader(line)));
            Element system = child(doc.getDocumentElement(), "System");
            if (!"Event".equals(doc.getDocumentElement().getLocalName() == null ? doc.getDocumentElement().getNodeName()
                    : doc.getDocumentElement().getLocalName()) || system == null) {
                return ParseOutcome.rejected("not a Windows Event XML record");
            }
            Element provider = child(system, "Provider");
            Element created = child(system, "TimeCreated");
            Map<String, String> data = new LinkedHashMap<>();
            Element eventData = child(doc.getDocumentElement(), "EventData");
            if (eventData != null) {
                NodeList items = eventData.getElementsByTagName("Data");
                for (int i = 0; i < items.getLength(); i++) {
                    Element item = (Element) items.item(i);
                    String name = item.getAttribute("Name");
                    if (!name.isEmpty()) {
                        data.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), item.getTextContent());
                    }
                }
            }
            return alert(provider == null ? null : provider.getAttribute("Name"), text(system, "Channel"),
                    text(system, "EventID"), text(system, "Level"), text(system, "Computer"), text(system, "EventRecordID"),
                    created == null ? null : Timestamps.iso(created.getAttribute("SystemTime")), null, data,
                    "windows-event", line);
        } catch (Exception e) {
            return ParseOutcome.rejected("not well-formed Windows Event XML");
        }
    }

    private static ParseOutcome alert(String provider, String channel, String eventId, String level, String computer,
            String recordId, Instant time, String message, Map<String, String> data, String format, String raw) {
        if (eventId == null) {
            return ParseOutcome.rejected("Windows event without an event id");
        }
        Meaning meaning = MEANINGS.get(source(provider, channel) + "/" + eventId);
        String firstLine = firstLine(message);
        AlertCategory category;
        Severity severity;
        String title;
        if (meaning != null) {
            category = meaning.category();
            severity = meaning.severity();
            title = meaning.title();
            if (eventId.equals("10") && String.valueOf(data.get("targetImage")).toLowerCase(Locale.ROOT).endsWith("lsass.exe")) {
                category = AlertCategory.INTRUSION;
                severity = Severity.HIGH;
                title = "Credential access: lsass.exe memory read";
            } else if (data.getOrDefault("ruleName", "").contains("technique_id=") && severity == Severity.LOW) {
                severity = Severity.MEDIUM;
                category = AlertCategory.INTRUSION;
            }
        } else {
            category = Classifier.classify(firstLine, provider);
            severity = switch (level == null ? "" : level) {
                case "1" -> Severity.HIGH;
                case "2", "3" -> Severity.MEDIUM;
                default -> Severity.LOW;
            };
            title = firstLine != null ? firstLine : (provider + " event " + eventId);
        }
        String image = data.get("image");
        if (image != null) {
            title = title + ": " + image.substring(image.lastIndexOf('\\') + 1);
        }
        String user = Wazuh.first(data.get("targetUserName"), data.get("user"), data.get("subjectUserName"));
        String srcIp = Wazuh.first(data.get("ipAddress"), data.get("sourceIp"));
        Map<String, String> details = new LinkedHashMap<>();
        SuricataEve.put(details, "eventId", eventId);
        SuricataEve.put(details, "provider", provider);
        SuricataEve.put(details, "channel", channel);
        SuricataEve.put(details, "ruleName", data.get("ruleName"));
        SuricataEve.put(details, "commandLine", data.get("commandLine"));
        SuricataEve.put(details, "targetImage", data.get("targetImage"));
        String sourceRef = recordId == null || computer == null ? null : computer + "/" + channel + "/" + recordId;
        return new ParseOutcome.Alert(new NormalizedAlert(format, sourceRef, time, category, severity, title, computer,
                srcIp, data.get("destinationIp"), user, "windows:" + source(provider, channel) + "/" + eventId, details, raw));
    }

    private static String source(String provider, String channel) {
        String p = provider == null ? "" : provider;
        if (p.contains("Sysmon")) {
            return "Sysmon";
        } else if (p.contains("Windows Defender")) {
            return "Defender";
        } else if (p.contains("AppLocker")) {
            return "AppLocker";
        } else if (p.contains("Security-Auditing") || "Security".equals(channel)) {
            return "Security";
        } else if (p.contains("Service Control Manager") || "System".equals(channel)) {
            return "System";
        }
        return p;
    }

    /** The agent escapes backslashes twice ("C:\\\\Windows" in the JSON): give back one. */
    private static String undoubled(String value) {
        return value.replace("\\\\", "\\");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        String m = message.strip();
        if (m.startsWith("\"")) {
            m = m.substring(1);
        }
        int end = m.indexOf('\r');
        if (end < 0) {
            end = m.indexOf('\n');
        }
        String first = (end < 0 ? m : m.substring(0, end)).strip();
        if (first.endsWith("\"")) {
            first = first.substring(0, first.length() - 1);
        }
        if (first.endsWith(":") || first.endsWith(".")) {
            first = first.substring(0, first.length() - 1);
        }
        return first.isBlank() ? null : first;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        NodeList list = parent.getElementsByTagName(name);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}

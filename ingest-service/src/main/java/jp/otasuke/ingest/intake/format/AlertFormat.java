package jp.otasuke.ingest.intake.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The line formats {@code POST /alerts?format=} and syslog accept; {@code auto} tells them apart per line. */
public enum AlertFormat {

    AUTO("auto", AutoDetect::new),
    CANONICAL("canonical", Canonical::new),
    SURICATA_EVE("suricata-eve", SuricataEve::new),
    WAZUH("wazuh", Wazuh::new),
    CEF("cef", Cef::new),
    FORTIGATE("fortigate", FortiGate::new),
    SONICWALL("sonicwall", SonicWall::new),
    WINDOWS_EVENT("windows-event", WindowsEvent::new),
    ZEEK("zeek", Zeek::new);

    private final String parameter;
    private final Supplier<LineParser> parsers;

    AlertFormat(String parameter, Supplier<LineParser> parsers) {
        this.parameter = parameter;
        this.parsers = parsers;
    }

    public String parameter() {
        return parameter;
    }

    /** A parser for one document: Zeek and auto keep what earlier lines said. */
    public LineParser newParser() {
        return parsers.get();
    }

    public static Optional<AlertFormat> of(String parameter) {
        String p = parameter == null ? "auto" : parameter.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.parameter.equals(p)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(AlertFormat::parameter).toList());
    }
}

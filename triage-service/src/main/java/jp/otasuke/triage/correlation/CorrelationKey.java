package jp.otasuke.triage.correlation;

import java.util.Locale;
import java.util.UUID;

import jp.otasuke.common.events.AlertReceived;

/**
 * What an alert is about, for correlation (API.md): its host, else its source address, else its sensor.
 * The prefix keeps a host named like an address apart from the address.
 */
public record CorrelationKey(UUID tenantId, String key, CategoryFamily family) {

    public static CorrelationKey of(AlertReceived alert) {
        String key;
        if (present(alert.host())) {
            key = "host:" + alert.host().strip().toLowerCase(Locale.ROOT);
        } else if (present(alert.srcIp())) {
            key = "ip:" + alert.srcIp().strip();
        } else {
            key = "sensor:" + alert.sensorId();
        }
        return new CorrelationKey(alert.tenantId(), key, CategoryFamily.of(alert.category()));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

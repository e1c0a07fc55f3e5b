package jp.otasuke.ingest.intake.format;

import java.time.Instant;
import java.util.Map;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Severity;

/**
 * An alert in the platform's canonical shape, as a parser made it from a source record. {@code observedAt}
 * is null when the source gives no usable time (intake then uses the time it received the record);
 * {@code sourceRef} is the source's own id for the record, when it has one.
 */
public record NormalizedAlert(String format, String sourceRef, Instant observedAt, AlertCategory category,
        Severity severity, String title, String host, String srcIp, String dstIp, String user, String signature,
        Map<String, String> details, String raw) {
}

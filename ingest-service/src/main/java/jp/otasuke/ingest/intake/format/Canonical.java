package jp.otasuke.ingest.intake.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Severity;

/**
 * The platform's own alert shape (API.md): {@code {sourceRef?, observedAt, category, severity, title, host?,
 * srcIp?, dstIp?, user?, signature?, details?}}. Each bad field is named in the rejection.
 */
public final class Canonical implements LineParser {

    private static final int MAX_TEXT = 1000;

    @Override
    public ParseOutcome parse(String line) {
        JsonNode node = Json.object(line);
        if (node == null) {
            return ParseOutcome.rejected("not a JSON object");
        }
        return parse(node, line);
    }

    public static ParseOutcome parse(JsonNode node, String raw) {
        if (node == null || !node.isObject()) {
            return ParseOutcome.rejected("an alert must be a JSON object");
        }
        List<String> problems = new ArrayList<>();
        Instant observedAt = Timestamps.iso(Json.text(node, "observedAt"));
        if (observedAt == null) {
            problems.add("observedAt: must be an ISO-8601 instant with offset");
        }
        AlertCategory category = enumValue(AlertCategory.class, Json.text(node, "category"), "category", problems);
        Severity severity = enumValue(Severity.class, Json.text(node, "severity"), "severity", problems);
        String title = Json.text(node, "title");
        if (title == null || title.isBlank()) {
            problems.add("title: must not be blank");
        }
        for (String field : List.of("sourceRef", "title", "host", "srcIp", "dstIp", "user", "signature")) {
            String v = Json.text(node, field);
            if (v != null && v.length() > MAX_TEXT) {
                problems.add(field + ": longer than " + MAX_TEXT + " characters");
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        JsonNode d = node.get("details");
        if (d != null && !d.isNull()) {
            if (!d.isObject()) {
                problems.add("details: must be an object");
            } else {
                d.fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().isValueNode()
                        ? e.getValue().asText() : e.getValue().toString()));
            }
        }
        if (!problems.isEmpty()) {
            return ParseOutcome.rejected(String.join("; ", problems));
        }
        return new ParseOutcome.Alert(new NormalizedAlert("canonical", Json.text(node, "sourceRef"), observedAt, category,
                severity, title, Json.text(node, "host"), Json.text(node, "srcIp"), Json.text(node, "dstIp"),
                Json.text(node, "user"), Json.text(node, "signature"), details, raw));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, List<String> problems) {
        if (value == null) {
            problems.add(field + ": is required");
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(field + ": must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}

package jp.otasuke.common.problem;

import java.util.Arrays;
import java.util.Locale;

/** Query parameters that filter a list (a status, an id, a time): blank means none, anything else must be valid. */
public final class QueryParams {

    private QueryParams() {
    }

    /** The value (case-insensitive), null when blank; 400 naming the allowed values otherwise. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A UUID query parameter (a filter by id), null when blank; 400 naming the parameter otherwise. */
    public static java.util.UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, name + " must be a UUID");
        }
    }

    /** An instant query parameter (a "since" filter), null when blank; 400 naming the parameter otherwise. */
    public static java.time.Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badField(name, name + " must be an ISO-8601 instant, e.g. 2026-11-26T00:00:00Z");
        }
    }
}

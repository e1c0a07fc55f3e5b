package jp.otasuke.common.paging;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jp.otasuke.common.problem.ProblemException;

/**
 * One page of a list endpoint: {@code {"items":[...],"nextCursor":null|"..."}} (API.md, Lists). The
 * cursor names the last item of the page; {@link Keyset} fetches one row more than the limit to know
 * whether another page follows.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** The limit a client asked for, defaulted and bounded: no endpoint returns an unbounded list. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw invalidLimit();
        }
        return requested;
    }

    /**
     * The same, from the query parameter as written: endpoints take it as text, because a parameter the
     * framework cannot convert answers 404, and {@code limit=abc} is a bad request, not a missing page.
     */
    public static int limit(String requested) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (!requested.strip().matches("[0-9]{1,4}")) {
            throw invalidLimit();
        }
        return limit(Integer.valueOf(requested.strip()));
    }

    private static ProblemException invalidLimit() {
        return ProblemException.badField("limit", "limit must be a whole number between 1 and " + MAX_LIMIT);
    }

    /** The id a cursor stands for, or null for the first page. */
    public static UUID after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor is not one this API returned");
        }
    }

    /** Builds the page from up to {@code limit + 1} rows fetched in cursor order. */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, T> view, Function<E, ?> cursorOf) {
        List<T> items = rows.stream().limit(limit).map(view).toList();
        String next = rows.size() > limit ? String.valueOf(cursorOf.apply(rows.get(limit - 1))) : null;
        return new Page<>(items, next);
    }
}

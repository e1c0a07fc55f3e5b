package jp.otasuke.common.paging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;

/**
 * One page of a list, as one query: the list's filters (an owner's scope among them, so another tenant's or
 * insurer's rows are never read), a total order, the cursor (the last row of the page before) and the limit.
 * Every list endpoint pages through this, so {@code ?limit=} and {@code ?cursor=} mean the same everywhere
 * (API.md, Lists):
 * <pre>{@code
 * return Keyset.page(limit, cursor).scope("tenantId", tenant).where("status = :status", "status", wanted)
 *         .list((query, values) -> Job.<Job>find(query, values), JobView::of, j -> j.id);
 * }</pre>
 * By default the order is the id and the cursor is the last id. A list in another order ({@link #orderedBy})
 * says which rows follow the cursor's row.
 */
public final class Keyset {

    /** Where a page continues: the condition on the rows after the cursor's, and its parameters. */
    public record After(String condition, Parameters parameters) {
    }

    private final int limit;
    private final String cursor;
    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters parameters = new Parameters();
    private String order = "id";
    private Function<String, Optional<After>> after = Keyset::afterId;

    private Keyset(int limit, String cursor) {
        this.limit = limit;
        this.cursor = cursor == null || cursor.isBlank() ? null : cursor;
    }

    /** The page a client asked for: {@code limit} defaulted and bounded (400 naming it), the cursor as given. */
    public static Keyset page(String limit, String cursor) {
        return new Keyset(Page.limit(limit), cursor);
    }

    /** The same with a limit already decided (a list with its own default). */
    public static Keyset page(int limit, String cursor) {
        return new Keyset(limit, cursor);
    }

    /** The same filters and scopes for reading one row (a list's {@code GET /{id}} sees what its list sees). */
    public static Keyset one() {
        return new Keyset(1, null);
    }

    /** Adds a filter with one parameter; a null value adds none (the filter was not asked for). */
    public Keyset where(String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.and(name, value);
        }
        return this;
    }

    /** Adds a filter without parameters. */
    public Keyset where(String condition) {
        where.append(" and ").append(condition);
        return this;
    }

    /** Only the rows of this owner ({@code field = owner}); a null owner is a caller who may see every owner. */
    public Keyset scope(String field, Object owner) {
        return where(field + " = :scope", "scope", owner);
    }

    /**
     * Ordered by more than the id: {@code order} ends in a unique column, and {@code after} turns the cursor
     * into the condition on the rows after its row (empty when the cursor's row is gone: the list starts again).
     */
    public Keyset orderedBy(String order, Function<String, Optional<After>> after) {
        this.order = order;
        this.after = after;
        return this;
    }

    public int limit() {
        return limit;
    }

    /** The rows of the page, and one more, which tells whether another page follows. */
    public <E> List<E> rows(BiFunction<String, Parameters, PanacheQuery<E>> find) {
        StringBuilder query = new StringBuilder(where);
        Parameters all = new Parameters();
        parameters.map().forEach(all::and);
        if (cursor != null) {
            after.apply(cursor).ifPresent(next -> {
                query.append(" and (").append(next.condition()).append(')');
                next.parameters().map().forEach(all::and);
            });
        }
        return find.apply(query.append(" order by ").append(order).toString(), all).page(0, limit + 1).list();
    }

    /** The first row, in the list's order. */
    public <E> Optional<E> first(BiFunction<String, Parameters, PanacheQuery<E>> find) {
        return rows(find).stream().findFirst();
    }

    /** The page: its items, and the cursor of the next one when there is one. */
    public <E, T> Page<T> list(BiFunction<String, Parameters, PanacheQuery<E>> find, Function<E, T> view,
            Function<E, ?> cursorOf) {
        return Page.of(rows(find), limit, view, cursorOf);
    }

    private static Optional<After> afterId(String cursor) {
        UUID last = Page.after(cursor);
        return Optional.of(new After("id > :after", Parameters.with("after", last)));
    }
}

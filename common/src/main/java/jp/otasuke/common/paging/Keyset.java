package jp.otasuke.common.paging;

import java.util.UUID;

import io.quarkus.panache.common.Parameters;

/**
 * The query of one page in id order, optionally confined to one owner (a tenant, an insurer): the scope
 * is part of the query itself, so another owner's rows are never read, let alone shown.
 */
public record Keyset(String query, Parameters parameters) {

    /**
     * @param scopeField the entity field that owns a row (e.g. "tenantId"), or null for no scope
     * @param scope      the owner's value, or null when the caller may see every owner
     * @param after      the cursor (the last id of the previous page), or null for the first page
     */
    public static Keyset of(String scopeField, Object scope, UUID after) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (scopeField != null && scope != null) {
            query.append(" and ").append(scopeField).append(" = :scope");
            parameters.and("scope", scope);
        }
        if (after != null) {
            query.append(" and id > :after");
            parameters.and("after", after);
        }
        return new Keyset(query.append(" order by id").toString(), parameters);
    }
}

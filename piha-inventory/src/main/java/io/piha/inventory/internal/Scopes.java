package io.piha.inventory.internal;

import io.piha.api.inventory.SiteScope;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Turns a {@link SiteScope} into SQL; the only way queries here filter by site. One site and all sites give two
 * different statements rather than one with a nullable parameter ({@code $1 IS NULL OR site_id = $1}), whose
 * generic plan PostgreSQL would not settle on: it planned that statement afresh at every call, 0.3 ms of a 0.5 ms
 * lookup by MAC. Each of the two statements here gets a generic plan after a few calls.
 */
final class Scopes {

    private Scopes() {
    }

    /** A condition on {@code column} that holds for the scope's sites; bind it with {@link #bind}. */
    static String condition(String column, SiteScope scope) {
        return scope instanceof SiteScope.One ? column + " = :scopeSite" : "TRUE";
    }

    /**
     * The ids of the scope's sites, for {@code site_id IN (...)}: a lookup by MAC then probes the (site_id, mac)
     * primary keys once per site, as no index has the MAC alone (schema 3).
     */
    static String sites(SiteScope scope) {
        return scope instanceof SiteScope.One ? ":scopeSite" : "SELECT scope.id FROM site scope";
    }

    static <S extends SqlStatement<S>> S bind(S statement, SiteScope scope) {
        return scope instanceof SiteScope.One one ? statement.bind("scopeSite", one.siteId()) : statement;
    }
}

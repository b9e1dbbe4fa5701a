package io.piha.inventory.internal;

import io.piha.api.inventory.SiteScope;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

/** Turns a {@link SiteScope} into a SQL condition; the only way queries here filter by site. */
final class Scopes {

    private Scopes() {
    }

    /** A condition on {@code column} that holds for the scope's sites; bind it with {@link #bind}. */
    static String condition(String column) {
        return "(CAST(:scopeSite AS uuid) IS NULL OR " + column + " = CAST(:scopeSite AS uuid))";
    }

    /**
     * A query of the ids of the scope's sites, for {@code site_id IN (...)}: a lookup by MAC then probes the
     * (site_id, mac) primary keys once per site, as no index has the MAC alone (schema 3).
     */
    static String sites() {
        return "SELECT scope.id FROM site scope WHERE " + condition("scope.id");
    }

    static <S extends SqlStatement<S>> S bind(S statement, SiteScope scope) {
        UUID site = scope instanceof SiteScope.One one ? one.siteId() : null;
        return statement.bindByType("scopeSite", site, UUID.class);
    }
}

package io.piha.inventory.internal;

import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteRepository;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sites in PostgreSQL. */
public final class JdbiSiteRepository implements SiteRepository {

    private static final String SELECT = "SELECT id, organisation_id, slug, name, version FROM site";

    private final Transactions tx;

    /** @param tx the store's transactions */
    public JdbiSiteRepository(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Site create(Site value, String actor) {
        return tx.write(actor, Optional.empty(), "create site " + value.slug(), h -> {
            h.createUpdate("INSERT INTO site (id, organisation_id, slug, name) VALUES (:id, :org, :slug, :name)")
                    .bind("id", value.id()).bind("org", value.organisationId())
                    .bind("slug", value.slug().value()).bind("name", value.name()).execute();
            return new Site(value.id(), value.organisationId(), value.slug(), value.name(), 0);
        });
    }

    @Override
    public Optional<Site> find(SiteScope scope, UUID id) {
        return tx.read("find site " + id, h -> Scopes.bind(h.createQuery(SELECT + " WHERE id = :id AND "
                + Scopes.condition("id", scope)), scope).bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<Site> list(SiteScope scope) {
        return tx.read("list sites", h -> Scopes.bind(h.createQuery(SELECT + " WHERE " + Scopes.condition("id", scope)
                + " ORDER BY slug"), scope).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public List<Site> findBySlug(Slug slug) {
        return tx.read("find site " + slug, h -> h.createQuery(SELECT + " WHERE slug = :slug ORDER BY organisation_id")
                .bind("slug", slug.value()).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public Site update(Site value, String actor) {
        return tx.write(actor, Optional.empty(), "update site " + value.slug(), h -> {
            int rows = h.createUpdate("UPDATE site SET organisation_id = :org, slug = :slug, name = :name,"
                            + " version = version + 1 WHERE id = :id AND version = :version")
                    .bind("id", value.id()).bind("org", value.organisationId()).bind("slug", value.slug().value())
                    .bind("name", value.name()).bind("version", value.version()).execute();
            Versioned.requireOneRow(h, rows, "site", value.id(), value.version());
            return new Site(value.id(), value.organisationId(), value.slug(), value.name(), value.version() + 1);
        });
    }

    @Override
    public void delete(UUID id, long expectedVersion, String actor) {
        tx.write(actor, Optional.empty(), "delete site " + id, h -> {
            int rows = h.createUpdate("DELETE FROM site WHERE id = :id AND version = :version")
                    .bind("id", id).bind("version", expectedVersion).execute();
            Versioned.requireOneRow(h, rows, "site", id, expectedVersion);
            return null;
        });
    }

    private static Site map(ResultSet rs) throws SQLException {
        return new Site(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                Slug.of(rs.getString("slug")), rs.getString("name"), rs.getLong("version"));
    }
}

package io.piha.inventory.internal;

import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import io.piha.api.inventory.Zone;
import io.piha.api.inventory.ZoneRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Zones in PostgreSQL; the database refuses cycles and parents from another site. */
public final class JdbiZoneRepository implements ZoneRepository {

    private static final String SELECT = "SELECT id, site_id, parent_id, slug, name, version FROM zone";

    private final Transactions tx;

    /** @param tx the store's transactions */
    public JdbiZoneRepository(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Zone create(Zone value, String actor) {
        return tx.write(actor, Optional.empty(), "create zone " + value.slug(), h -> {
            h.createUpdate("INSERT INTO zone (id, site_id, parent_id, slug, name) VALUES (:id, :site, CAST(:parent AS uuid), :slug, :name)")
                    .bind("id", value.id()).bind("site", value.siteId())
                    .bindByType("parent", value.parentId().orElse(null), UUID.class)
                    .bind("slug", value.slug().value()).bind("name", value.name()).execute();
            return new Zone(value.id(), value.siteId(), value.parentId(), value.slug(), value.name(), 0);
        });
    }

    @Override
    public Optional<Zone> find(SiteScope scope, UUID id) {
        return tx.read("find zone " + id, h -> Scopes.bind(h.createQuery(SELECT + " WHERE id = :id AND "
                + Scopes.condition("site_id", scope)), scope).bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<Zone> list(SiteScope scope) {
        return tx.read("list zones", h -> Scopes.bind(h.createQuery(SELECT + " WHERE " + Scopes.condition("site_id", scope)
                + " ORDER BY site_id, slug"), scope).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public Optional<Zone> findBySlug(UUID siteId, Slug slug) {
        return tx.read("find zone " + slug, h -> h.createQuery(SELECT + " WHERE site_id = :site AND slug = :slug")
                .bind("site", siteId).bind("slug", slug.value()).map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public Zone update(Zone value, String actor) {
        return tx.write(actor, Optional.empty(), "update zone " + value.slug(), h -> {
            int rows = h.createUpdate("UPDATE zone SET parent_id = CAST(:parent AS uuid), slug = :slug, name = :name,"
                            + " version = version + 1 WHERE id = :id AND site_id = :site AND version = :version")
                    .bind("id", value.id()).bind("site", value.siteId())
                    .bindByType("parent", value.parentId().orElse(null), UUID.class)
                    .bind("slug", value.slug().value()).bind("name", value.name())
                    .bind("version", value.version()).execute();
            Versioned.requireOneRow(h, rows, "zone", value.id(), value.version());
            return new Zone(value.id(), value.siteId(), value.parentId(), value.slug(), value.name(),
                    value.version() + 1);
        });
    }

    @Override
    public void delete(UUID id, long expectedVersion, String actor) {
        tx.write(actor, Optional.empty(), "delete zone " + id, h -> {
            int rows = h.createUpdate("DELETE FROM zone WHERE id = :id AND version = :version")
                    .bind("id", id).bind("version", expectedVersion).execute();
            Versioned.requireOneRow(h, rows, "zone", id, expectedVersion);
            return null;
        });
    }

    static Zone map(ResultSet rs) throws SQLException {
        return new Zone(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class),
                Optional.ofNullable(rs.getObject("parent_id", UUID.class)), Slug.of(rs.getString("slug")),
                rs.getString("name"), rs.getLong("version"));
    }
}

package io.piha.inventory.internal;

import io.piha.api.inventory.Organisation;
import io.piha.api.inventory.OrganisationRepository;
import io.piha.api.inventory.Slug;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Organisations in PostgreSQL. */
public final class JdbiOrganisationRepository implements OrganisationRepository {

    private static final String SELECT = "SELECT id, slug, name, version FROM organisation";

    private final Transactions tx;

    /** @param tx the store's transactions */
    public JdbiOrganisationRepository(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Organisation create(Organisation value, String actor) {
        return tx.write(actor, Optional.empty(), "create organisation " + value.slug(), h -> {
            h.createUpdate("INSERT INTO organisation (id, slug, name) VALUES (:id, :slug, :name)")
                    .bind("id", value.id()).bind("slug", value.slug().value()).bind("name", value.name()).execute();
            return new Organisation(value.id(), value.slug(), value.name(), 0);
        });
    }

    @Override
    public Optional<Organisation> find(UUID id) {
        return tx.read("find organisation " + id, h -> h.createQuery(SELECT + " WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public Optional<Organisation> findBySlug(Slug slug) {
        return tx.read("find organisation " + slug, h -> h.createQuery(SELECT + " WHERE slug = :slug")
                .bind("slug", slug.value()).map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<Organisation> list() {
        return tx.read("list organisations", h -> h.createQuery(SELECT + " ORDER BY slug")
                .map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public Organisation update(Organisation value, String actor) {
        return tx.write(actor, Optional.empty(), "update organisation " + value.slug(), h -> {
            int rows = h.createUpdate("UPDATE organisation SET slug = :slug, name = :name, version = version + 1"
                            + " WHERE id = :id AND version = :version")
                    .bind("id", value.id()).bind("slug", value.slug().value()).bind("name", value.name())
                    .bind("version", value.version()).execute();
            Versioned.requireOneRow(h, rows, "organisation", value.id(), value.version());
            return new Organisation(value.id(), value.slug(), value.name(), value.version() + 1);
        });
    }

    @Override
    public void delete(UUID id, long expectedVersion, String actor) {
        tx.write(actor, Optional.empty(), "delete organisation " + id, h -> {
            int rows = h.createUpdate("DELETE FROM organisation WHERE id = :id AND version = :version")
                    .bind("id", id).bind("version", expectedVersion).execute();
            Versioned.requireOneRow(h, rows, "organisation", id, expectedVersion);
            return null;
        });
    }

    private static Organisation map(ResultSet rs) throws SQLException {
        return new Organisation(rs.getObject("id", UUID.class), Slug.of(rs.getString("slug")), rs.getString("name"),
                rs.getLong("version"));
    }
}

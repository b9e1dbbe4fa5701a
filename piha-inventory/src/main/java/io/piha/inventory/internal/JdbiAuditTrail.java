package io.piha.inventory.internal;

import io.piha.api.inventory.AuditRecord;
import io.piha.api.inventory.AuditTrail;
import io.piha.api.inventory.SiteScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the audit log that the database's triggers write. */
public final class JdbiAuditTrail implements AuditTrail {

    static final String SELECT = "SELECT id, at, actor, action, object_type, object_id, site_id,"
            + " before::text AS before, after::text AS after, import_run_id FROM audit_log";

    private final Transactions tx;

    /** @param tx the store's transactions */
    public JdbiAuditTrail(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public List<AuditRecord> recent(SiteScope scope, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return tx.read("read audit log", h -> Scopes.bind(h.createQuery(SELECT + " WHERE "
                        + Scopes.condition("site_id", scope) + " ORDER BY id DESC LIMIT :limit"), scope)
                .bind("limit", limit).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public List<AuditRecord> byImportRun(UUID importRunId) {
        return tx.read("read audit log of run " + importRunId, h -> h.createQuery(SELECT
                        + " WHERE import_run_id = :run ORDER BY id")
                .bind("run", importRunId).map((rs, ctx) -> map(rs)).list());
    }

    static AuditRecord map(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("object_type"), rs.getObject("object_id", UUID.class),
                Optional.ofNullable(rs.getObject("site_id", UUID.class)), Optional.ofNullable(rs.getString("before")),
                Optional.ofNullable(rs.getString("after")),
                Optional.ofNullable(rs.getObject("import_run_id", UUID.class)));
    }
}

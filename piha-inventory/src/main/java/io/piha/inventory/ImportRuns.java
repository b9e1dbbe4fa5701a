package io.piha.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.piha.inventory.internal.ImportRejections;
import io.piha.inventory.internal.Json;
import io.piha.inventory.internal.Transactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The record of past imports: runs and the rows each refused. Read-only; thread-safe.
 *
 * <pre>{@code
 * ImportRuns runs = store.importRuns();
 * runs.latest(siteId).ifPresent(run -> runs.rejections(run.id()).forEach(System.out::println));
 * }</pre>
 *
 * @since 0.1
 */
public final class ImportRuns {

    private static final String SELECT = "SELECT id, site_id, source, actor, started_at, finished_at, accepted, rejected,"
            + " summary::text AS summary FROM import_run";

    private final Transactions tx;

    ImportRuns(Transactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    /** The run with this id. */
    public Optional<ImportRun> find(UUID id) {
        return tx.read("find import run " + id, h -> h.createQuery(SELECT + " WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    /** A site's runs, newest first, at most {@code limit}. */
    public List<ImportRun> list(UUID siteId, int limit) {
        return tx.read("list import runs", h -> h.createQuery(SELECT + " WHERE site_id = :site"
                        + " ORDER BY started_at DESC, id DESC LIMIT :limit")
                .bind("site", siteId).bind("limit", limit).map((rs, ctx) -> map(rs)).list());
    }

    /** A site's newest run. */
    public Optional<ImportRun> latest(UUID siteId) {
        return list(siteId, 1).stream().findFirst();
    }

    /** The rows a run refused, in input order, each with its reason and the row as the source wrote it. */
    public List<RowRejection> rejections(UUID runId) {
        return tx.read("rejections of import run " + runId, h -> ImportRejections.of(h, runId));
    }

    private static ImportRun map(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportRun(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class),
                rs.getString("source"), rs.getString("actor"), rs.getTimestamp("started_at").toInstant(),
                Optional.ofNullable(finished).map(Timestamp::toInstant), rs.getInt("accepted"), rs.getInt("rejected"),
                summary(rs.getString("summary")));
    }

    private static Map<String, Object> summary(String json) {
        try {
            Map<String, Object> m = Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
            m.values().removeIf(Objects::isNull);
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored import summary is not a JSON object: " + json, e);
        }
    }
}

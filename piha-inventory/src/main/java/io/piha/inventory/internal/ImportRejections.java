package io.piha.inventory.internal;

import io.piha.inventory.RowRejection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Keeps an import run's rejected rows, inside the import's transaction, and reads them back. */
public final class ImportRejections {

    private static final String COPY = "COPY import_rejection (import_run_id, position, row_label, value, reason, raw)"
            + " FROM STDIN (FORMAT binary)";

    private ImportRejections() {
    }

    /** Stores the rejections of a run in order; a file of bad rows is copied, not inserted row by row. */
    public static void store(Handle h, UUID run, List<RowRejection> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        try (BinaryCopy copy = BinaryCopy.start(h, COPY)) {
            int position = 0;
            for (RowRejection r : rejected) {
                copy.row(6).uuid(run).int4(++position).text(storable(r.row())).text(storable(r.value()))
                        .text(storable(r.reason())).text(storable(r.raw()));
            }
            copy.finish();
        } catch (SQLException e) {
            throw SqlErrors.translate("keeping the rejected rows of import run " + run, e);
        }
    }

    /** The rejections of a run, in the order they were stored. */
    public static List<RowRejection> of(Handle h, UUID run) {
        return h.createQuery("SELECT row_label, value, reason, raw FROM import_rejection WHERE import_run_id = :run"
                        + " ORDER BY position")
                .bind("run", run)
                .map((rs, ctx) -> new RowRejection(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    // PostgreSQL text holds no NUL character; a row of binary garbage is still kept, readably
    private static String storable(String s) {
        return s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    }
}

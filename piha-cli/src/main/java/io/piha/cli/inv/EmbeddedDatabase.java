package io.piha.cli.inv;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server run from the zonky binaries in a data directory, so the inventory works on a fresh
 * machine with no server installed. The data survives restarts when the directory is kept. A server in a data
 * directory takes logins only over loopback TCP and only with a password, generated on its first start and kept
 * in the directory ({@value #PASSWORD_FILE}, readable by its owner only): the server outlives a command (see
 * {@link SharedServer}), and no other user of the machine may log in as its superuser.
 *
 * @since 0.1
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The file in the data directory that holds the server's password. */
    static final String PASSWORD_FILE = "piha-password";

    private static final String HBA = """
            # written by piha: password logins (scram-sha-256) over loopback TCP only, no Unix socket logins
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final Optional<String> password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Optional<String> password) {
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * Starts a server on a free local port, keeping its data in {@code dataDirectory} (created if missing). The
     * server is durable: every commit is flushed to disk before it is reported, so a power cut loses nothing that
     * was reported written.
     *
     * @throws DatabaseBusyException naming the directory if another process runs a server in it
     * @throws UncheckedIOException naming the directory if the server cannot start
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        try {
            Files.createDirectories(dataDirectory);
            Optional<String> password = readPassword(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // zonky starts PostgreSQL for tests, with fsync (-F) and synchronous_commit off; a later -c wins
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
            password.ifPresent(p -> builder.setConnectConfig("password", p));
            EmbeddedDatabase db = new EmbeddedDatabase(builder.start(), password);
            return password.isPresent() ? db : db.secured(dataDirectory);
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("could not lock")) {
                throw new DatabaseBusyException("the inventory database in " + dataDirectory
                        + " is in use by another process", e);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Starts a throw-away server whose data is deleted on close (tests, benchmarks). It does not flush commits to
     * disk (fsync and synchronous_commit off), and trusts local logins: fast, for data that is deleted anyway.
     *
     * @throws UncheckedIOException if the server cannot start
     */
    public static EmbeddedDatabase startTemporary() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder().start(), Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** The {@code postgres} database as user {@code postgres}. */
    public DataSource dataSource() {
        return dataSource(postgres.getPort(), password);
    }

    /** The {@code postgres} database of a server on this machine's loopback port, as user {@code postgres}. */
    static DataSource dataSource(int port, Optional<String> password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName("postgres");
        ds.setUser("postgres");
        password.ifPresent(ds::setPassword);
        return ds;
    }

    /** The JDBC URL of a database on this server, as user {@code postgres} (the password is not in it). */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    /** The local port it listens on. */
    public int port() {
        return postgres.getPort();
    }

    /** The superuser's password, for a server in a data directory. */
    Optional<String> password() {
        return password;
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

    /** Gives the superuser a password and refuses any other login; on a server that still trusts local logins. */
    private EmbeddedDatabase secured(Path dir) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD '" + secret + "'");
            Files.writeString(dir.resolve("pg_hba.conf"), HBA);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("cannot set the password of the embedded PostgreSQL in " + dir, e);
        }
        Path file = dir.resolve(PASSWORD_FILE);
        Files.writeString(file, secret);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return new EmbeddedDatabase(postgres, Optional.of(secret));
    }

    static Optional<String> readPassword(Path dir) throws IOException {
        Path file = dir.resolve(PASSWORD_FILE);
        return Files.isReadable(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }
}

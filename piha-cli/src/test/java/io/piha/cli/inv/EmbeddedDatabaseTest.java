package io.piha.cli.inv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server the CLI keeps an inventory in is durable; the throw-away one of the tests need not be. */
class EmbeddedDatabaseTest {

    @Test
    void aServerInADataDirectoryFlushesEveryCommitAndKeepsItsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("inventory-db");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            assertThat(setting(db.dataSource(), "fsync")).isEqualTo("on");
            assertThat(setting(db.dataSource(), "synchronous_commit")).isEqualTo("on");
            execute(db.dataSource(), "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
        }
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
        try (EmbeddedDatabase again = EmbeddedDatabase.start(data)) {
            assertThat(query(again.dataSource(), "SELECT note FROM kept")).isEqualTo("still here");
        }
    }

    @Test
    void aServerInADataDirectoryTakesOnlyPasswordLoginsAndKeepsThePasswordPrivate(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("secured");
        int port;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            port = db.port();
            assertThat(query(db.dataSource(), "SELECT 1")).isEqualTo("1");
            assertThatThrownBy(() -> query(EmbeddedDatabase.dataSource(port, Optional.empty()), "SELECT 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> query(EmbeddedDatabase.dataSource(port, Optional.of("guess")), "SELECT 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
        assertThat(Files.getPosixFilePermissions(data.resolve(EmbeddedDatabase.PASSWORD_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (EmbeddedDatabase again = EmbeddedDatabase.start(data)) {
            assertThat(query(again.dataSource(), "SELECT 2")).isEqualTo("2");
        }
    }

    @Test
    void aThrowAwayServerSkipsTheFlushes() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            assertThat(setting(db.dataSource(), "fsync")).isEqualTo("off");
        }
    }

    private static String setting(DataSource ds, String name) throws SQLException {
        return query(ds, "SELECT current_setting('" + name + "')");
    }

    private static String query(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

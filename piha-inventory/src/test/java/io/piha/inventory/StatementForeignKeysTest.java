package io.piha.inventory;

import io.piha.testkit.postgres.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.inventory.Site;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * The foreign keys of schema 2 that are checked once per statement (device, device_mac, sighting) keep every
 * guarantee of the declarative ones they replaced, between concurrent transactions too, including schema 4's
 * fast path for rows that refer to rows their own transaction wrote. Each concurrency test
 * runs two real connections and waits until PostgreSQL reports the second one blocked on a lock, so the order
 * of events is certain rather than timed.
 */
class StatementForeignKeysTest {

    static DataSource ds;
    static Site site;
    static ExecutorService other = Executors.newSingleThreadExecutor();
    UUID device;

    @BeforeAll
    static void migrate() {
        ds = TestDatabase.freshSchema();
        site = Fixtures.sites(InventoryStore.open(ds, Clock.systemUTC()), "fk", "home")[0];
    }

    @AfterAll
    static void stop() {
        other.shutdownNow();
    }

    @BeforeEach
    void aDevice() throws SQLException {
        device = UUID.randomUUID();
        try (Connection c = ds.getConnection()) {
            insertDevice(c, device, site.id(), "dev-" + device.toString().substring(0, 8));
        }
    }

    @Test
    void aRowNamingAMissingKeyIsRefusedWithTheConstraintAndTheKey() throws SQLException {
        UUID nowhere = UUID.randomUUID();
        try (Connection c = ds.getConnection()) {
            assertThatThrownBy(() -> insertDevice(c, UUID.randomUUID(), nowhere, "lost"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("23503");
                        assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo("device_site_id_fkey");
                        assertThat(e.getServerErrorMessage().getDetail()).contains(nowhere.toString());
                    });
            assertThatThrownBy(() -> insertMac(c, "02:00:00:00:00:01", UUID.randomUUID()))
                    .hasMessageContaining("device_mac_device");
            assertThatThrownBy(() -> sql(c, "INSERT INTO sighting (site_id, mac, source, ip, first_seen, last_seen,"
                    + " import_run_id) VALUES ('" + site.id() + "', '02:00:00:00:00:02', 'scan', '10.0.0.2', now(),"
                    + " now(), '" + UUID.randomUUID() + "')")).hasMessageContaining("sighting_import_run_id_fkey");
            assertThatThrownBy(() -> sql(c, "UPDATE device SET zone_id = '" + UUID.randomUUID() + "' WHERE id = '"
                    + device + "'")).hasMessageContaining("device_zone_same_site");
            assertThat(count(c, "device WHERE site_id = '" + nowhere + "'")).isZero();
        }
    }

    @Test
    void aMacOfAnotherSitesDeviceIsRefused() throws SQLException {
        Site elsewhere = Fixtures.sites(InventoryStore.open(ds, Clock.systemUTC()), "fk-" + device, "cabin")[0];
        try (Connection c = ds.getConnection()) {
            assertThatThrownBy(() -> sql(c, "INSERT INTO device_mac VALUES ('" + elsewhere.id()
                    + "', '02:00:00:00:00:03', '" + device + "')")).hasMessageContaining("device_mac_device");
        }
    }

    @Test
    void deletingAReferencedRowIsRefusedOrCascadesAsDeclared() throws SQLException {
        try (Connection c = ds.getConnection()) {
            insertMac(c, "02:00:00:00:00:04", device);
            assertThatThrownBy(() -> sql(c, "DELETE FROM site WHERE id = '" + site.id() + "'"))
                    .hasMessageContaining("still referenced");
            assertThatThrownBy(() -> sql(c, "UPDATE device SET id = gen_random_uuid() WHERE id = '" + device + "'"))
                    .hasMessageContaining("device_mac_device");
            sql(c, "DELETE FROM device WHERE id = '" + device + "'");
            assertThat(count(c, "device_mac WHERE device_id = '" + device + "'")).isZero();
            assertThatThrownBy(() -> sql(c, "TRUNCATE import_run")).hasMessageContaining("cannot truncate");
        }
    }

    @Test
    void aDeleteThatComesFirstMakesTheLaterInsertFail() throws Exception {
        try (Connection deleter = ds.getConnection(); Connection writer = ds.getConnection()) {
            deleter.setAutoCommit(false);
            sql(deleter, "DELETE FROM device WHERE id = '" + device + "'");
            Future<?> insert = other.submit(() -> {
                insertMac(writer, "02:00:00:00:00:05", device);
                return null;
            });
            awaitBlocked(writer, insert);
            deleter.commit();
            assertThatThrownBy(() -> insert.get(10, TimeUnit.SECONDS)).hasMessageContaining("device_mac_device");
            assertThat(count(writer, "device_mac WHERE device_id = '" + device + "'")).isZero();
        }
    }

    @Test
    void anInsertThatComesFirstIsSeenByTheLaterDelete() throws Exception {
        try (Connection writer = ds.getConnection(); Connection deleter = ds.getConnection()) {
            writer.setAutoCommit(false);
            insertMac(writer, "02:00:00:00:00:06", device);
            Future<?> delete = inTheOtherThread(deleter, "DELETE FROM device WHERE id = '" + device + "'");
            awaitBlocked(deleter, delete);
            writer.commit();
            delete.get(10, TimeUnit.SECONDS);
            // the cascade saw the committed MAC: nothing points at the deleted device
            assertThat(count(deleter, "device_mac WHERE device_id = '" + device + "'")).isZero();
        }
    }

    @Test
    void aSiteCannotBeDeletedUnderAnImportThatLockedIt() throws Exception {
        Site cabin = Fixtures.sites(InventoryStore.open(ds, Clock.systemUTC()), "fk-" + device, "cabin")[0];
        try (Connection writer = ds.getConnection(); Connection deleter = ds.getConnection()) {
            writer.setAutoCommit(false);
            insertDevice(writer, UUID.randomUUID(), cabin.id(), "imported");
            Future<?> delete = inTheOtherThread(deleter, "DELETE FROM site WHERE id = '" + cabin.id() + "'");
            awaitBlocked(deleter, delete);
            writer.commit();
            assertThatThrownBy(() -> delete.get(10, TimeUnit.SECONDS)).hasMessageContaining("device_site_id_fkey");
            assertThat(count(writer, "device WHERE site_id = '" + cabin.id() + "'")).isEqualTo(1);
        }
    }

    @Test
    void aStatementReferringToItsOwnNewRowsStillRefusesAMissingKey() throws SQLException {
        UUID mine = UUID.randomUUID();
        UUID nowhere = UUID.randomUUID();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            insertDevice(c, mine, site.id(), "mine-" + mine.toString().substring(0, 8));
            assertThatThrownBy(() -> sql(c, "INSERT INTO device_mac VALUES ('" + site.id() + "', '02:00:00:00:00:07', '"
                    + mine + "'), ('" + site.id() + "', '02:00:00:00:00:08', '" + nowhere + "')"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo("device_mac_device");
                        assertThat(e.getServerErrorMessage().getDetail()).contains(nowhere.toString());
                    });
            c.rollback();
        }
    }

    @Test
    void aRowThisTransactionWroteAndDeletedIsNoLongerThere() throws SQLException {
        UUID gone = UUID.randomUUID();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            insertDevice(c, gone, site.id(), "gone-" + gone.toString().substring(0, 8));
            sql(c, "DELETE FROM device WHERE id = '" + gone + "'");
            assertThatThrownBy(() -> insertMac(c, "02:00:00:00:00:09", gone)).hasMessageContaining("device_mac_device");
            c.rollback();
        }
    }

    @Test
    void aStatementReferringToItsOwnRowsAndAnotherTransactionsStillLocksTheOther() throws Exception {
        UUID mine = UUID.randomUUID();
        try (Connection writer = ds.getConnection(); Connection deleter = ds.getConnection()) {
            writer.setAutoCommit(false);
            insertDevice(writer, mine, site.id(), "mine-" + mine.toString().substring(0, 8));
            sql(writer, "INSERT INTO device_mac VALUES ('" + site.id() + "', '02:00:00:00:00:0a', '" + mine + "'), ('"
                    + site.id() + "', '02:00:00:00:00:0b', '" + device + "')");
            Future<?> delete = inTheOtherThread(deleter, "DELETE FROM device WHERE id = '" + device + "'");
            // the committed device was locked by the insert: its delete waits for the writer
            awaitBlocked(deleter, delete);
            writer.commit();
            delete.get(10, TimeUnit.SECONDS);
            assertThat(count(deleter, "device_mac WHERE device_id = '" + device + "'")).isZero();
            assertThat(count(deleter, "device_mac WHERE device_id = '" + mine + "'")).isEqualTo(1);
        }
    }

    @Test
    void slugsKeepTheirRules() throws SQLException {
        try (Connection c = ds.getConnection()) {
            insertDevice(c, UUID.randomUUID(), site.id(), "a".repeat(63));
            for (String bad : new String[] {"a".repeat(64), "trailing-", "-leading", "Upper", "a_b", ""}) {
                assertThatThrownBy(() -> insertDevice(c, UUID.randomUUID(), site.id(), bad))
                        .as(bad).hasMessageContaining("slug_check");
            }
        }
    }

    /** Runs one statement on {@code c} in the other thread, so this one can watch it wait. */
    private static Future<?> inTheOtherThread(Connection c, String statement) {
        return other.submit(() -> {
            sql(c, statement);
            return null;
        });
    }

    /** Waits until the connection's backend is waiting for a lock (the statement has reached the conflict). */
    private static void awaitBlocked(Connection blocked, Future<?> statement) throws Exception {
        int pid = blocked.unwrap(org.postgresql.PGConnection.class).getBackendPID();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        try (Connection watcher = ds.getConnection();
             PreparedStatement waiting = watcher.prepareStatement(
                     "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = ?")) {
            waiting.setInt(1, pid);
            while (Instant.now().isBefore(deadline)) {
                assertThat(statement.isDone()).as("the second statement finished without waiting").isFalse();
                try (ResultSet rs = waiting.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("backend " + pid + " never waited for a lock");
    }

    private static void insertDevice(Connection c, UUID id, UUID siteId, String slug) throws SQLException {
        sql(c, "INSERT INTO device (id, site_id, slug, name) VALUES ('" + id + "', '" + siteId + "', '" + slug
                + "', 'Device')");
    }

    private void insertMac(Connection c, String mac, UUID deviceId) throws SQLException {
        sql(c, "INSERT INTO device_mac VALUES ('" + site.id() + "', '" + mac + "', '" + deviceId + "')");
    }

    private static void sql(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static int count(Connection c, String from) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + from)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

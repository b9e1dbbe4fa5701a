package io.piha.inventory;

import io.piha.api.inventory.AuditTrail;
import io.piha.api.inventory.DeviceRepository;
import io.piha.api.inventory.NetworkRepository;
import io.piha.api.inventory.OrganisationRepository;
import io.piha.api.inventory.SightingRepository;
import io.piha.api.inventory.SiteRepository;
import io.piha.api.inventory.ZoneRepository;
import io.piha.inventory.internal.JdbiAuditTrail;
import io.piha.inventory.internal.JdbiDeviceRepository;
import io.piha.inventory.internal.JdbiNetworkRepository;
import io.piha.inventory.internal.JdbiOrganisationRepository;
import io.piha.inventory.internal.JdbiSightingRepository;
import io.piha.inventory.internal.JdbiSiteRepository;
import io.piha.inventory.internal.JdbiZoneRepository;
import io.piha.inventory.internal.Transactions;
import io.piha.api.inventory.InventoryException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory in one PostgreSQL database: migrates the schema on open (Flyway, {@code db/inventory}) and
 * hands out the repositories that implement the {@code io.piha.api.inventory} ports. Thread-safe.
 *
 * <pre>{@code
 * InventoryStore store = InventoryStore.open(dataSource, Clock.systemUTC());
 * Organisation family = store.organisations().create(new Organisation(UUID.randomUUID(), Slug.of("anand"), "Anand", 0), "rohit");
 * }</pre>
 *
 * @since 0.1
 */
public final class InventoryStore {

    /** The schema version this build writes: the highest {@code db/inventory/V<n>__*.sql}. */
    public static final int SCHEMA_VERSION = 5;

    private static final Logger LOG = LoggerFactory.getLogger(InventoryStore.class);

    private final DataSource dataSource;
    private final Transactions tx;

    private InventoryStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.tx = new Transactions(Jdbi.create(dataSource), clock);
    }

    /**
     * Migrates the database to the current schema (in the connection's current schema) and opens the store. A
     * database already at {@link #SCHEMA_VERSION} is recognised with one query and left alone: Flyway, which reads
     * every migration script to check it, runs only when there is something to migrate.
     *
     * @param dataSource a PostgreSQL data source
     * @param clock stamps every audit entry and import run
     * @throws InventoryException naming the cause if the database cannot be reached
     * @throws org.flywaydb.core.api.FlywayException if the schema cannot be migrated
     */
    public static InventoryStore open(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(clock, "clock");
        if (!current(dataSource)) {
            migrate(dataSource);
        }
        return new InventoryStore(dataSource, clock);
    }

    /** Whether the schema's newest successful migration is this build's. */
    private static boolean current(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet table = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            table.next();
            if (!table.getBoolean(1)) {
                return false;
            }
            try (ResultSet v = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success"
                    + " AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                return v.next() && String.valueOf(SCHEMA_VERSION).equals(v.getString(1));
            }
        } catch (SQLException e) {
            throw new InventoryException("cannot reach the inventory database: " + e.getMessage(), e);
        }
    }

    private static void migrate(DataSource dataSource) {
        MigrateResult migrated = Flyway.configure().dataSource(dataSource).locations("classpath:db/inventory").load()
                .migrate();
        if (migrated.migrationsExecuted > 0) {
            LOG.info("inventory schema {} version {} ({} migration(s))", Optional.ofNullable(migrated.initialSchemaVersion)
                    .map(v -> "migrated from version " + v + " to").orElse("created at"), migrated.targetSchemaVersion,
                    migrated.migrationsExecuted);
        }
    }

    /** Organisations. */
    public OrganisationRepository organisations() {
        return new JdbiOrganisationRepository(tx);
    }

    /** Sites. */
    public SiteRepository sites() {
        return new JdbiSiteRepository(tx);
    }

    /** Zones. */
    public ZoneRepository zones() {
        return new JdbiZoneRepository(tx);
    }

    /** Curated devices. */
    public DeviceRepository devices() {
        return new JdbiDeviceRepository(tx);
    }

    /** Networks and IP allocations. */
    public NetworkRepository networks() {
        return new JdbiNetworkRepository(tx);
    }

    /** What importers observed. */
    public SightingRepository sightings() {
        return new JdbiSightingRepository(tx);
    }

    /** Past imports and the rows they refused. */
    public ImportRuns importRuns() {
        return new ImportRuns(tx);
    }

    /** The audit log. */
    public AuditTrail audit() {
        return new JdbiAuditTrail(tx);
    }

    /** The data source, for importers and reports of this module. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The transactions, for importers and reports of this module; not a public extension point. */
    public Transactions transactions() {
        return tx;
    }
}

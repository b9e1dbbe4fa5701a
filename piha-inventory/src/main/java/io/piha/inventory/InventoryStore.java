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

    private static final Logger LOG = LoggerFactory.getLogger(InventoryStore.class);

    private final DataSource dataSource;
    private final Transactions tx;

    private InventoryStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.tx = new Transactions(Jdbi.create(dataSource), clock);
    }

    /**
     * Migrates the database to the current schema (in the connection's current schema) and opens the store.
     *
     * @param dataSource a PostgreSQL data source
     * @param clock stamps every audit entry and import run
     * @throws org.flywaydb.core.api.FlywayException if the schema cannot be migrated
     */
    public static InventoryStore open(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(clock, "clock");
        MigrateResult migrated = Flyway.configure().dataSource(dataSource).locations("classpath:db/inventory").load()
                .migrate();
        if (migrated.migrationsExecuted > 0) {
            LOG.info("inventory schema {} version {} ({} migration(s))", Optional.ofNullable(migrated.initialSchemaVersion)
                    .map(v -> "migrated from version " + v + " to").orElse("created at"), migrated.targetSchemaVersion,
                    migrated.migrationsExecuted);
        }
        return new InventoryStore(dataSource, clock);
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

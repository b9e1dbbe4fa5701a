package io.piha.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.inventory.Device;
import io.piha.api.inventory.Slug;
import io.piha.inventory.homeseer.HomeSeerDevices;
import io.piha.inventory.homeseer.HomeSeerFacts;
import io.piha.testkit.ManualClock;
import io.piha.testkit.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Devices that schema 4's importer described in homeseer.* metadata text keep every fact, typed, in schema 5. */
class SchemaFiveMigrationTest {

    @Test
    void homeSeerMetadataTextBecomesTypedFactsAndAParent() throws SQLException {
        DataSource ds = TestDatabase.freshSchema();
        Flyway.configure().dataSource(ds).locations("classpath:db/inventory").target("4").load().migrate();
        UUID org = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        UUID root = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO organisation (id, slug, name) VALUES ('" + org + "', 'old', 'Old')");
            s.execute("INSERT INTO site (id, organisation_id, slug, name) VALUES ('" + site + "', '" + org
                    + "', 'home', 'Home')");
            s.execute("INSERT INTO device (id, site_id, slug, name, metadata) VALUES ('" + root + "', '" + site
                    + "', 'thermostat-3397', 'Thermostat', '{\"homeseer.ref\": \"3397\", \"homeseer.name\": \"Thermostat\","
                    + " \"homeseer.relationship\": \"root\", \"homeseer.associated_devices\": \"3398\","
                    + " \"homeseer.value\": \"0\", \"homeseer.last_change\": \"0001-01-01T05:00:00Z\", \"owner\": \"anita\"}')");
            s.execute("INSERT INTO device (id, site_id, slug, name, metadata) VALUES ('" + child + "', '" + site
                    + "', 'temperature-3398', 'Temperature', '{\"homeseer.ref\": \"3398\", \"homeseer.name\": \"Temperature\","
                    + " \"homeseer.location\": \"Living Room\", \"homeseer.relationship\": \"child\","
                    + " \"homeseer.associated_devices\": \"3397\", \"homeseer.value\": \"82.5\","
                    + " \"homeseer.status\": \"82.5 F\", \"homeseer.last_change\": \"2014-09-08T16:33:03.884Z\"}')");
        }
        InventoryStore store = InventoryStore.open(ds, new ManualClock(Instant.parse("2026-03-01T00:00:00Z")));

        Device thermostat = store.devices().findBySlug(site, Slug.of("thermostat-3397")).orElseThrow();
        Device temperature = store.devices().findBySlug(site, Slug.of("temperature-3398")).orElseThrow();
        assertThat(thermostat.metadata()).containsExactlyEntriesOf(java.util.Map.of("owner", "anita"));
        assertThat(temperature.metadata()).isEmpty();
        assertThat(temperature.parentId()).contains(thermostat.id());
        HomeSeerFacts t = new HomeSeerDevices(store).find(temperature.id()).orElseThrow();
        assertThat(t.reported().value()).isEqualTo(OptionalDouble.of(82.5));
        assertThat(t.reported().location()).isEqualTo("Living Room");
        assertThat(t.reported().lastChange()).contains(Instant.parse("2014-09-08T16:33:03.884Z"));
        assertThat(new HomeSeerDevices(store).find(thermostat.id()).orElseThrow().reported().lastChange()).isEmpty();
    }
}

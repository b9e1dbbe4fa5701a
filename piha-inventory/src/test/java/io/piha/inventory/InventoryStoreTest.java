package io.piha.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.inventory.InventoryException;
import io.piha.testkit.ManualClock;
import io.piha.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class InventoryStoreTest {

    static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));

    @Test
    void theSchemaVersionIsTheNewestMigrationScript() throws IOException, URISyntaxException {
        Path scripts = Path.of(InventoryStore.class.getResource("/db/inventory").toURI());
        try (Stream<Path> files = Files.list(scripts)) {
            int newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
            assertThat(InventoryStore.SCHEMA_VERSION).isEqualTo(newest);
        }
    }

    @Test
    void aCurrentSchemaIsOpenedWithoutRunningFlyway() throws SQLException {
        DataSource ds = TestDatabase.freshSchema();
        InventoryStore.open(ds, CLOCK);
        // Flyway validates every applied script's checksum; a store that ran Flyway again would refuse this one
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1'");
        }
        InventoryStore again = InventoryStore.open(ds, CLOCK);
        assertThat(again.organisations().list()).isEmpty();
    }

    @Test
    void anUnreachableDatabaseIsOneClearError() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/piha?connectTimeout=2");
        assertThatThrownBy(() -> InventoryStore.open(nowhere, CLOCK)).isInstanceOf(InventoryException.class)
                .hasMessageContaining("cannot reach the inventory database");
    }
}

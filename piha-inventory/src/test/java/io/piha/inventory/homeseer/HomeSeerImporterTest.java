package io.piha.inventory.homeseer;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.inventory.AuditRecord;
import io.piha.api.inventory.Device;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import io.piha.api.inventory.Zone;
import io.piha.inventory.FieldOwnership;
import io.piha.inventory.Fixtures;
import io.piha.inventory.ImportProgress;
import io.piha.inventory.InventoryStore;
import io.piha.inventory.RowRejection;
import io.piha.testkit.ManualClock;
import io.piha.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HomeSeer as it models things (src/test/resources/homeseer/README.md says where each quirk comes from). */
class HomeSeerImporterTest {

    static ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    static InventoryStore store;
    static OkHttpClient http = new OkHttpClient.Builder().connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(2, TimeUnit.SECONDS).build();
    HomeSeerServer homeseer;
    Site site;

    @BeforeAll
    static void open() {
        store = InventoryStore.open(TestDatabase.freshSchema(), clock);
    }

    @BeforeEach
    void start() throws IOException {
        homeseer = new HomeSeerServer();
        String slug = "site-" + UUID.randomUUID().toString().substring(0, 8);
        site = Fixtures.sites(store, "org-" + slug, slug)[0];
    }

    @AfterEach
    void stop() throws IOException {
        homeseer.close();
    }

    HomeSeerSyncResult sync(boolean full) {
        HomeSeerClient client = new HomeSeerClient(http, homeseer.url(), Optional.empty());
        return new HomeSeerImporter(store, client, FieldOwnership.ofDefaults(), PseudoLocations.ofDefaults())
                .sync(site.id(), full, "rohit", ImportProgress.SILENT);
    }

    Device device(int ref) {
        return store.devices().findBySourceKey("homeseer:" + site.slug() + ":" + ref).orElseThrow();
    }

    HsDevice facts(int ref) {
        return new HomeSeerDevices(store).find(device(ref).id()).orElseThrow().reported();
    }

    Zone zone(String slug) {
        return store.zones().findBySlug(site.id(), Slug.of(slug)).orElseThrow();
    }

    @Test
    void locationsBecomeNestedZonesAndPseudoLocationsStayOutOfTheTreeButAreRecorded() {
        HomeSeerSyncResult r = sync(true);
        assertThat(r.created()).isEqualTo(8);
        assertThat(zone("first-floor-kitchen").parentId()).contains(zone("first-floor").id());
        assertThat(device(3570).zoneId()).contains(zone("first-floor-kitchen").id());
        assertThat(store.zones().list(SiteScope.of(site.id()))).extracting(z -> z.slug().value())
                .doesNotContain("z-wave", "node-122", "weather-xml");
        assertThat(device(122).zoneId()).isEmpty();
        assertThat(device(4100).zoneId()).isEmpty();
        assertThat(r.pseudoLocations()).containsExactly("Node 122", "Weather XML", "Z-Wave");
        HomeSeerFacts node = new HomeSeerDevices(store).find(device(122).id()).orElseThrow();
        assertThat(node.pseudoLocations()).containsExactly("Z-Wave", "Node 122");
        assertThat(node.reported().location()).isEqualTo("Z-Wave");
    }

    @Test
    void aChildDeviceHasItsRootDeviceAsParentEvenWhenListedBeforeIt() {
        sync(true);
        Device thermostat = device(3397);
        assertThat(device(3398).parentId()).contains(thermostat.id());
        assertThat(device(3399).parentId()).contains(thermostat.id());
        assertThat(thermostat.parentId()).isEmpty();
        assertThat(device(3570).parentId()).isEmpty();
        assertThat(facts(3398).parentRef()).hasValue(3397);
    }

    @Test
    void neverChangedIsNoDateAndNumbersStayNumbers() {
        sync(true);
        assertThat(facts(4200).lastChange()).isEmpty();
        assertThat(facts(3399).lastChange()).contains(Instant.ofEpochMilli(1595133858051L));
        assertThat(facts(3398).value()).isEqualTo(OptionalDouble.of(82));
        assertThat(facts(3399).value()).isEqualTo(OptionalDouble.of(45.5));
        Double stored = store.transactions().read("value", h -> h.createQuery(
                "SELECT value FROM homeseer_device WHERE ref = 3399 AND site_id = :site AND value + 0.5 = 46")
                .bind("site", site.id()).mapTo(Double.class).one());
        assertThat(stored).isEqualTo(45.5);
    }

    @Test
    void theNoteTheHiddenFlagAndTheMiscBitsAreKept() {
        sync(true);
        assertThat(facts(3397).userNote()).isEqualTo("Installed 2019, battery in the hall cupboard");
        assertThat(facts(122).hidden()).isTrue();
        assertThat(facts(3397).hidden()).isFalse();
        assertThat(facts(3397).misc()).isEqualTo(OptionalLong.of(4864));
        assertThat(device(3397).metadata()).doesNotContainKeys("homeseer.ref", "homeseer.name");
    }

    @Test
    void slugsSpellGermanLettersOut() {
        sync(true);
        assertThat(device(3600).slug().value()).isEqualTo("fussbodenheizung-bad-3600");
        assertThat(zone("obergeschoss-bad").parentId()).contains(zone("obergeschoss").id());
        assertThat(zone("obergeschoss").name()).isEqualTo("Obergeschoß");
    }

    @Test
    void aDeviceHomeSeerDescribesBadlyIsRejectedAndKeptWithTheRun() {
        HomeSeerSyncResult r = sync(true);
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.row()).isEqualTo("ref 4001");
            assertThat(rej.reason()).contains("yesterday at noon");
            assertThat(rej.raw()).contains("\"Broken Clock\"");
        });
        assertThat(store.importRuns().rejections(r.importRunId())).isEqualTo(r.rejected());
        assertThat(store.importRuns().find(r.importRunId()).orElseThrow().rejected()).isEqualTo(1);
    }

    @Test
    void aSecondSyncChangesNothingAndAPersonsRenameSurvivesWithATrace() {
        sync(true);
        HomeSeerSyncResult again = sync(true);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(8);
        assertThat(store.audit().byImportRun(again.importRunId())).isEmpty();

        Device lights = device(3570);
        store.devices().update(Fixtures.renamed(lights, "Pendant lights"), "anita");
        homeseer.status(homeseer.status().replace("\"Kitchen Lights\"", "\"Kitchen Ceiling\""));
        HomeSeerSyncResult renamed = sync(false);
        assertThat(renamed.fieldsKept()).isEqualTo(1);
        assertThat(device(3570).name()).isEqualTo("Pendant lights");
        assertThat(facts(3570).name()).isEqualTo("Kitchen Ceiling");
        assertThat(store.audit().byImportRun(renamed.importRunId())).extracting(AuditRecord::action)
                .containsExactly("keep-field");
    }

    @Test
    void anIncrementalSyncSeesARenameAndAMoveThatLeftLastChangeAsItWas() {
        sync(true);
        // HomeSeer bumps last_change for a new status, not for a new name or a new room
        homeseer.status(homeseer.status().replace("\"Kitchen Lights\"", "\"Kitchen Ceiling\"")
                .replace("\"name\": \"Porch Light\", \"location\": \"Porch\"",
                        "\"name\": \"Porch Light\", \"location\": \"Garden\""));
        HomeSeerSyncResult r = sync(false);
        assertThat(r.updated()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(6);
        assertThat(device(3570).name()).isEqualTo("Kitchen Ceiling");
        assertThat(device(4200).zoneId()).contains(zone("outside-garden").id());
    }

    @Test
    void anIncrementalSyncSkipsDevicesWhereNothingChangedAndTakesNewStatus() {
        sync(true);
        homeseer.status(homeseer.status().replace("\"value\": 82, \"status\": \"82 F\"", "\"value\": 79, \"status\": \"79 F\"")
                .replace("1410193983884)\\/\", \"relationship\": 4", "1772366400000)\\/\", \"relationship\": 4"));
        HomeSeerSyncResult r = sync(false);
        assertThat(r.skipped()).isEqualTo(7);
        assertThat(r.updated()).isEqualTo(1);
        assertThat(facts(3398).value()).isEqualTo(OptionalDouble.of(79));
    }

    @Test
    void aNewNoteIsSeenByAnIncrementalSyncToo() {
        sync(true);
        homeseer.status(homeseer.status().replace("\"UserNote\": \"Installed 2019, battery in the hall cupboard\"",
                "\"UserNote\": \"Battery changed March 2026\""));
        HomeSeerSyncResult r = sync(false);
        assertThat(r.updated()).isEqualTo(1);
        assertThat(facts(3397).userNote()).isEqualTo("Battery changed March 2026");
    }

    @Test
    void aPersonsChoiceOfParentIsKept() {
        sync(true);
        Device humidity = device(3399);
        Device lights = device(3570);
        store.devices().update(new Device(humidity.id(), humidity.siteId(), humidity.zoneId(), Optional.of(lights.id()),
                humidity.slug(), humidity.name(), humidity.macs(), humidity.metadata(), humidity.version()), "anita");
        sync(true);
        assertThat(device(3399).parentId()).contains(lights.id());
    }

    @Test
    void aDeviceHomeSeerNoLongerHasIsReportedMissingNotDeleted() {
        sync(true);
        homeseer.status(homeseer.status().replace("\"ref\": 3570", "\"ref\": 3571"));
        HomeSeerSyncResult r = sync(true);
        assertThat(r.missing()).containsExactly("homeseer:" + site.slug() + ":3570");
        assertThat(store.devices().findBySourceKey("homeseer:" + site.slug() + ":3570")).isPresent();
    }

    @Test
    void rejectionsNameTheRefAndTheValue() {
        RowRejection r = new RowRejection("ref 4001", "Broken Clock", "bad", "{}");
        assertThat(r.toString()).contains("ref 4001").contains("Broken Clock");
    }
}

package io.piha.inventory.homeseer;

import io.piha.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.piha.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HomeSeerImporterTest {

    static ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    static InventoryStore store;
    static MockWebServer homeseer;
    static volatile String status;
    static volatile String locations;
    static OkHttpClient http = new OkHttpClient.Builder().connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(2, TimeUnit.SECONDS).build();

    @BeforeAll
    static void start() throws IOException {
        store = InventoryStore.open(TestDatabase.freshSchema(), clock);
        homeseer = new MockWebServer();
        homeseer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String kind = request.getRequestUrl().queryParameter("request");
                String body = "getstatus".equals(kind) ? status : "getlocations".equals(kind) ? locations : "error";
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
            }
        });
        homeseer.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stop() throws IOException {
        homeseer.shutdown();
    }

    static String resource(String name) {
        try (InputStream in = HomeSeerImporterTest.class.getResourceAsStream("/homeseer/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HomeSeerImporter importer(Optional<HomeSeerCredentials> credentials) {
        HomeSeerClient client = new HomeSeerClient(http, homeseer.url("/"), credentials);
        return new HomeSeerImporter(store, client, FieldOwnership.ofDefaults(), PseudoLocations.ofDefaults());
    }

    static Site site(String slug) {
        return Fixtures.sites(store, "org-" + slug, slug)[0];
    }

    @Test
    void aFullSyncCreatesDevicesInNestedZonesAndSkipsPseudoLocations() throws InterruptedException {
        status = resource("getstatus.json");
        locations = resource("getlocations.json");
        Site home = site("fremont");
        while (homeseer.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
            // forget requests of earlier tests: this one checks its own
        }
        HomeSeerSyncResult r = importer(Optional.of(new HomeSeerCredentials("rohit", "s3cret")))
                .sync(home.id(), true, "rohit", ImportProgress.SILENT);

        assertThat(r.created()).isEqualTo(4);
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.row()).isEqualTo("ref 4001");
            assertThat(rej.reason()).contains("yesterday at noon");
        });
        Zone floor = store.zones().findBySlug(home.id(), Slug.of("first-floor")).orElseThrow();
        Zone kitchen = store.zones().findBySlug(home.id(), Slug.of("first-floor-kitchen")).orElseThrow();
        assertThat(kitchen.parentId()).contains(floor.id());
        assertThat(store.zones().list(SiteScope.of(home.id()))).extracting(z -> z.slug().value())
                .doesNotContain("z-wave", "node-122");

        Device lights = store.devices().findBySourceKey("homeseer:fremont:3570").orElseThrow();
        assertThat(lights.zoneId()).contains(kitchen.id());
        assertThat(lights.metadata()).containsEntry("homeseer.device_type", "Z-Wave Switch Binary")
                .containsEntry("homeseer.relationship", "standalone")
                .containsEntry("homeseer.last_change", "2014-09-08T17:08:41.022Z");
        Device temp = store.devices().findBySourceKey("homeseer:fremont:3398").orElseThrow();
        assertThat(temp.metadata()).containsEntry("homeseer.relationship", "child")
                .containsEntry("homeseer.associated_devices", "3397");
        Device node = store.devices().findBySourceKey("homeseer:fremont:122").orElseThrow();
        assertThat(node.zoneId()).isEmpty();

        RecordedRequest first = takeRequest("getlocations");
        assertThat(first.getRequestUrl().queryParameter("user")).isEqualTo("rohit");
        assertThat(first.getRequestUrl().queryParameter("pass")).isEqualTo("s3cret");
        RecordedRequest second = takeRequest("getstatus");
        assertThat(second.getRequestUrl().queryParameter("everything")).isEqualTo("true");
    }

    private static RecordedRequest takeRequest(String kind) throws InterruptedException {
        while (true) {
            RecordedRequest r = homeseer.takeRequest(2, TimeUnit.SECONDS);
            assertThat(r).as("a " + kind + " request").isNotNull();
            if (kind.equals(r.getRequestUrl().queryParameter("request"))) {
                return r;
            }
        }
    }

    @Test
    void aSecondSyncChangesNothingAndAPersonsRenameSurvivesWithATrace() {
        status = resource("getstatus.json");
        locations = resource("getlocations.json");
        Site site = site("tahoe");
        HomeSeerImporter importer = importer(Optional.empty());
        importer.sync(site.id(), true, "rohit", ImportProgress.SILENT);

        HomeSeerSyncResult again = importer.sync(site.id(), true, "rohit", ImportProgress.SILENT);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(store.audit().byImportRun(again.importRunId())).isEmpty();

        Device lights = store.devices().findBySourceKey("homeseer:tahoe:3570").orElseThrow();
        store.devices().update(new Device(lights.id(), lights.siteId(), lights.zoneId(), lights.slug(), "Pendant lights",
                lights.macs(), lights.metadata(), lights.version()), "anita");
        status = status.replace("\"Kitchen Lights\"", "\"Kitchen Ceiling\"").replace("1410196121022", "1410199999999");

        HomeSeerSyncResult renamed = importer.sync(site.id(), false, "rohit", ImportProgress.SILENT);
        assertThat(renamed.fieldsKept()).isEqualTo(1);
        assertThat(renamed.skipped()).isEqualTo(3);
        Device after = store.devices().findBySourceKey("homeseer:tahoe:3570").orElseThrow();
        assertThat(after.name()).isEqualTo("Pendant lights");
        assertThat(after.metadata()).containsEntry("homeseer.name", "Kitchen Ceiling");
        assertThat(store.audit().byImportRun(renamed.importRunId())).extracting(AuditRecord::action)
                .contains("keep-field", "update");
    }

    @Test
    void aDeviceHomeSeerNoLongerHasIsReportedMissingNotDeleted() {
        status = resource("getstatus.json");
        locations = resource("getlocations.json");
        Site site = site("office");
        HomeSeerImporter importer = importer(Optional.empty());
        importer.sync(site.id(), true, "rohit", ImportProgress.SILENT);
        status = status.replace("\"ref\": 3570", "\"ref\": 3571");
        HomeSeerSyncResult r = importer.sync(site.id(), true, "rohit", ImportProgress.SILENT);
        assertThat(r.missing()).containsExactly("homeseer:office:3570");
        assertThat(store.devices().findBySourceKey("homeseer:office:3570")).isPresent();
    }

    @Test
    void anErrorAnswerIsAClearFailureAndWritesNothing() {
        status = "error\r\n";
        locations = "error\r\n";
        Site site = site("cabin");
        assertThatThrownBy(() -> importer(Optional.of(new HomeSeerCredentials("rohit", "wrong")))
                .sync(site.id(), true, "rohit", ImportProgress.SILENT))
                .isInstanceOf(HomeSeerException.class)
                .hasMessageContaining(homeseer.getHostName()).hasMessageContaining("'error'")
                .hasMessageNotContaining("wrong");
        assertThat(store.devices().list(SiteScope.of(site.id()))).isEmpty();
    }

    @Test
    void malformedJsonIsAClearFailure() {
        status = "{\"Devices\": [ {\"ref\": 1, ";
        locations = resource("getlocations.json");
        Site site = site("studio");
        assertThatThrownBy(() -> importer(Optional.empty()).sync(site.id(), true, "rohit", ImportProgress.SILENT))
                .isInstanceOf(HomeSeerException.class).hasMessageContaining("malformed JSON");
    }

    @Test
    void anUnreachableHomeSeerIsAClearFailure() throws IOException {
        MockWebServer gone = new MockWebServer();
        gone.start(java.net.InetAddress.getLoopbackAddress(), 0);
        HttpUrl url = gone.url("/");
        gone.shutdown();
        Site site = site("barn");
        HomeSeerImporter importer = new HomeSeerImporter(store, new HomeSeerClient(http, url, Optional.empty()),
                FieldOwnership.ofDefaults(), PseudoLocations.ofDefaults());
        assertThatThrownBy(() -> importer.sync(site.id(), true, "rohit", ImportProgress.SILENT))
                .isInstanceOf(HomeSeerException.class).hasMessageContaining("unreachable")
                .hasMessageContaining(String.valueOf(url.port()));
    }

    @Test
    void credentialsNeverShowTheirPassword() {
        assertThat(new HomeSeerCredentials("rohit", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void rejectionsNameTheRefAndTheValue() {
        RowRejection r = new RowRejection("ref 4001", "Broken Clock", "bad");
        assertThat(r.toString()).contains("ref 4001").contains("Broken Clock");
    }
}

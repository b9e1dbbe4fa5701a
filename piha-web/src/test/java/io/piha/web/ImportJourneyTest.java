package io.piha.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.inventory.Organisation;
import io.piha.api.inventory.Site;
import io.piha.api.inventory.SiteScope;
import io.piha.api.inventory.Slug;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync page in Chromium: a scan file uploaded and imported with live progress, a HomeSeer sync, their reports. */
class ImportJourneyTest {

    static final int ROWS = 50_000;

    static RunningWeb web;
    static Browser browser;
    static Site lab;
    static MockWebServer homeSeer;

    @BeforeAll
    static void start() throws IOException {
        Estate estate = Estate.get();
        Organisation org = estate.store.organisations().create(new Organisation(UUID.randomUUID(), Slug.of("lab"),
                "Lab", 0), "seed");
        lab = estate.store.sites().create(new Site(UUID.randomUUID(), org.id(), Slug.of("import-lab"), "Import lab", 0),
                "seed");
        homeSeer = new MockWebServer();
        homeSeer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String file = request.getPath().contains("getlocations") ? "getlocations.json" : "getstatus.json";
                return new MockResponse().setBody(resource("/homeseer/" + file));
            }
        });
        homeSeer.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        web = Dashboards.start(Dashboards.config().homeSeerPassword(java.util.Optional.of(
                io.piha.api.Secret.of("hs-password"))).build());
        browser = Browser.open(web.url());
        browser.login().site("Lab / Import lab");
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        web.close();
        homeSeer.shutdown();
    }

    @Test
    void aScanImportShowsItsProgressLiveThenItsReportWithTheRejectedRows(@TempDir Path dir) throws IOException {
        Path scan = dir.resolve("lab-scan.json");
        Files.writeString(scan, scan(ROWS));
        browser.go("/sync").type("#scan-file", scan.toString()).click("#scan input[value=apply]")
                .click("#scan button[type=submit]");
        List<String> seen = new ArrayList<>();
        browser.until(d -> {
            // one script reads all three, so an htmx swap cannot fall between the reads
            String look = (String) browser.js("var s = document.getElementById('job-state'); if (!s) { return null; }"
                    + " return s.textContent + ' ' + document.getElementById('job-progress').value + ' '"
                    + " + document.querySelector('label[for=job-progress]').textContent;");
            if (look == null) {
                return false;
            }
            seen.add(look);
            return !look.startsWith("running");
        });
        assertThat(seen.get(0)).as("the first look at the job").startsWith("running");
        assertThat(seen).as("progress as the page showed it").anySatisfy(s -> assertThat(s).matches("running \\d+ .+ of .+"));
        assertThat(browser.find("#job-state").getText()).isEqualTo("done");
        assertThat(browser.find("#job-progress").getAttribute("value")).isEqualTo("100");
        assertThat(browser.find("#job-report").getText()).contains("rows accepted\n" + ROWS)
                .contains("devices created\n" + ROWS).contains("rows rejected\n2");
        assertThat(browser.find("#rejected").getText()).contains("row " + (ROWS + 1)).contains("invalid MAC address")
                .contains("row " + (ROWS + 2)).contains("multicast");
        assertThat(browser.all("#job-steps li").size()).isGreaterThan(3);
        browser.screenshot("sync-job");
        assertThat(Estate.get().store.devices().list(SiteScope.of(lab.id())))
                .filteredOn(d -> d.slug().value().startsWith("mac-")).hasSize(ROWS);
        browser.go("/sync");
        assertThat(browser.find("main").getText()).contains("Import lab").contains("scan");
    }

    @Test
    void aScanFileThatIsNotJsonIsRefusedBesideTheFileFieldAndTheChoicesAreKept(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("not-a-scan.json");
        Files.writeString(bad, "{ this is not json");
        browser.go("/sync").type("#scan-file", bad.toString()).click("#scan input[value=apply]")
                .click("#scan button[type=submit]");
        assertThat(browser.find("#scan-file-error").getText()).contains("is not valid JSON at line 1");
        assertThat(browser.find("#scan input[value=apply]").isSelected()).isTrue();
        assertThat(browser.find("#scan-site option:checked").getText()).isEqualTo("Lab / Import lab");
    }

    @Test
    void aHomeSeerSyncRunsFromTheSyncPageWithTheConfiguredPassword() throws InterruptedException {
        browser.go("/sync").type("#hs-url", homeSeer.url("/").toString()).type("#hs-user", "admin")
                .click("#homeseer button[type=submit]");
        browser.until(d -> !browser.find("#job-state").getText().equals("running"));
        assertThat(browser.find("#job-state").getText()).isEqualTo("done");
        assertThat(browser.find("#job-report").getText()).contains("devices HomeSeer reported").contains("created");
        RecordedRequest request = homeSeer.takeRequest();
        assertThat(request.getPath()).contains("user=admin").contains("pass=hs-password");
        assertThat(browser.driver().getPageSource()).doesNotContain("hs-password");
        browser.screenshot("sync-homeseer");
    }

    private static String scan(int rows) {
        StringBuilder out = new StringBuilder(rows * 80).append("[");
        for (int i = 0; i < rows; i++) {
            out.append(String.format("{\"ip\": \"10.%d.%d.%d\", \"mac\": \"02:42:00:%02x:%02x:%02x\", \"hostname\": \"lab-%d\"},",
                    (i >> 16) & 255, (i >> 8) & 255, i & 255, (i >> 16) & 255, (i >> 8) & 255, i & 255, i));
        }
        out.append("{\"ip\": \"10.255.0.1\", \"mac\": \"not-a-mac\"},");
        out.append("{\"ip\": \"10.255.0.2\", \"mac\": \"01:00:5e:00:00:01\"}]");
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = ImportJourneyTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

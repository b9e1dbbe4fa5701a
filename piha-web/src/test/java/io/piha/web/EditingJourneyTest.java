package io.piha.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.inventory.Device;
import io.piha.api.inventory.Slug;
import io.piha.api.inventory.Zone;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A person's journey in Chromium: log in, switch site, create a zone and a device, search, edit into a conflict. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditingJourneyTest {

    static RunningWeb web;
    static Browser browser;
    static Estate estate;

    @BeforeAll
    static void start() {
        estate = Estate.get();
        web = Dashboards.start();
        browser = Browser.open(web.url());
        browser.login();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        web.close();
    }

    @Test
    @Order(1)
    void switchingTheSiteScopesTheDeviceListAndIsKeptForTheSession() {
        browser.site("Anand family / Tahoe").go("/devices");
        assertThat(browser.find("#results").getText()).contains("Cabin NAS").doesNotContain("pi-primary");
        browser.site("Anand family / Fremont");
        assertThat(browser.find("#results").getText()).contains("pi-primary").doesNotContain("Cabin NAS");
        browser.go("/networks");
        assertThat(browser.find("main").getText()).contains("Main LAN").doesNotContain("Cabin LAN");
        browser.screenshot("journey-site-switched");
    }

    @Test
    @Order(2)
    void aNestedZoneIsCreatedAndABadSlugIsRefusedBesideItsField() {
        browser.go("/zones/new").type("#f-slug", "Pantry!").type("#f-name", "Pantry").choose("#f-parent", "First floor / Kitchen")
                .click("form.edit button[type=submit]");
        assertThat(browser.find(".field.invalid #f-slug").getAttribute("value")).isEqualTo("Pantry!");
        assertThat(browser.find("#error-slug").getText()).contains("invalid slug 'Pantry!'");
        assertThat(browser.find("#f-name").getAttribute("value")).isEqualTo("Pantry");
        assertThat(browser.find("#f-parent option:checked").getText()).isEqualTo("First floor / Kitchen");
        browser.screenshot("journey-zone-refused");
        browser.type("#f-slug", "pantry").click("form.edit button[type=submit]");
        assertThat(browser.find(".flash").getText()).isEqualTo("Created zone Pantry.");
        Zone pantry = estate.store.zones().findBySlug(estate.fremont.id(), Slug.of("pantry")).orElseThrow();
        assertThat(pantry.parentId()).contains(estate.kitchen.id());
        browser.go("/zones");
        assertThat(browser.find("td.depth-2").getText()).isEqualTo("Pantry");
    }

    @Test
    @Order(3)
    void aDeviceIsCreatedAfterItsBadMacIsShownBesideTheFieldWithEverythingTypedKept() {
        browser.go("/devices/new").type("#f-slug", "espresso").type("#f-name", "Espresso machine")
                .choose("#f-zone", "First floor / Kitchen / Pantry").type("#f-macs", "00:11:22:33:44:5Z")
                .type("#f-metadata", "model=Silvia").click("form.edit button[type=submit]");
        assertThat(browser.find("#error-macs").getText()).contains("invalid MAC address '00:11:22:33:44:5Z'");
        assertThat(browser.find("#f-name").getAttribute("value")).isEqualTo("Espresso machine");
        assertThat(browser.find("#f-metadata").getAttribute("value")).isEqualTo("model=Silvia");
        assertThat(browser.find("#f-zone option:checked").getText()).isEqualTo("First floor / Kitchen / Pantry");
        browser.screenshot("journey-device-refused");
        browser.type("#f-macs", "00-11-22-33-44-5a").click("form.edit button[type=submit]");
        assertThat(browser.find(".flash").getText()).isEqualTo("Created device Espresso machine.");
        assertThat(browser.find("main").getText()).contains("00:11:22:33:44:5a").contains("Pantry").contains("Silvia");
    }

    @Test
    @Order(4)
    void aSlugAnotherDeviceHasIsRefusedByTheDatabaseBesideTheSlugField() {
        browser.go("/devices/new").type("#f-slug", "espresso").type("#f-name", "Second espresso")
                .click("form.edit button[type=submit]");
        assertThat(browser.find("#error-slug").getText()).contains("device_slug_unique");
        assertThat(browser.find("#f-name").getAttribute("value")).isEqualTo("Second espresso");
    }

    @Test
    @Order(5)
    void searchFindsTheDeviceByMacIpAndVendorWithoutReloadingThePage() {
        browser.go("/devices");
        browser.js("window.stillTheSamePage = true;");
        browser.type("#q", "00:11:22:33:44:5a");
        browser.until(d -> browser.find("#result-count").getText().startsWith("1 device"));
        assertThat(browser.find("#results tbody").getText()).contains("Espresso machine");
        browser.choose("#field", "IP").type("#q", "192.168.68.2");
        browser.until(d -> browser.find("#result-count").getText().contains("matching “192.168.68.2”"));
        assertThat(browser.find("#results tbody").getText()).contains("ap-hall").doesNotContain("pi-primary");
        browser.choose("#field", "vendor").type("#q", "raspberry");
        browser.until(d -> browser.find("#result-count").getText().startsWith("2 device"));
        assertThat(browser.js("return window.stillTheSamePage === true;")).isEqualTo(true);
        assertThat(browser.driver().getCurrentUrl()).contains("q=raspberry").contains("field=vendor");
        browser.screenshot("journey-search");
    }

    @Test
    @Order(6)
    void sortingByAColumnHeaderReordersAndMarksTheColumn() {
        browser.go("/devices?sort=name");
        browser.click("th[aria-sort] a[href*='sort=name']");
        browser.until(d -> "descending".equals(browser.find("th:first-child").getAttribute("aria-sort")));
        String first = browser.find("#results tbody tr:first-child td:first-child").getText();
        assertThat(first).isEqualTo("Z-Wave controller");
    }

    @Test
    @Order(7)
    void anEditThatLostARaceIsShownAsAConflictWithBothVersionsAndCanBeSavedOverTheirs() {
        Device espresso = estate.store.devices().findBySlug(estate.fremont.id(), Slug.of("espresso")).orElseThrow();
        browser.go("/devices/" + espresso.id() + "/edit").type("#f-name", "Espresso (mine)");
        // meanwhile someone else renames it
        estate.store.devices().update(new Device(espresso.id(), espresso.siteId(), espresso.zoneId(), espresso.parentId(), espresso.slug(),
                "Espresso (theirs)", espresso.macs(), espresso.metadata(), espresso.version()), "priya");
        browser.click("form.edit button[type=submit]");
        browser.until(d -> !browser.all(".conflict").isEmpty()); // the answer to the POST, however loaded the machine
        assertThat(browser.find(".conflict").getText()).contains("was changed by someone else")
                .contains("version " + espresso.version()).contains("version " + (espresso.version() + 1));
        assertThat(browser.all(".conflict tr.differs")).singleElement().satisfies(row -> {
            assertThat(row.findElement(org.openqa.selenium.By.cssSelector("th")).getText()).isEqualTo("Name");
            assertThat(row.findElement(org.openqa.selenium.By.cssSelector("td.mine")).getText()).isEqualTo("Espresso (mine)");
            assertThat(row.findElement(org.openqa.selenium.By.cssSelector("td.theirs")).getText())
                    .isEqualTo("Espresso (theirs)");
        });
        assertThat(browser.find("#f-name").getAttribute("value")).isEqualTo("Espresso (mine)");
        browser.screenshot("journey-conflict");
        browser.click("form.edit button[type=submit]");
        browser.until(d -> !browser.all(".flash").isEmpty());
        assertThat(browser.find(".flash").getText()).isEqualTo("Saved device Espresso (mine).");
        assertThat(estate.store.devices().find(io.piha.api.inventory.SiteScope.of(espresso.siteId()), espresso.id())
                .map(Device::name)).isEqualTo(Optional.of("Espresso (mine)"));
    }

    @Test
    @Order(8)
    void theAuditLogShowsTheRaceAsABeforeAndAfterDiff() {
        browser.go("/audit");
        browser.find("table.audit tbody tr:first-child a").click();
        browser.until(d -> !browser.all("table.diff").isEmpty());
        assertThat(browser.find("table.diff tr.changed").getText()).contains("name").contains("Espresso (theirs)")
                .contains("Espresso (mine)");
        assertThat(browser.find("table.audit tbody tr:first-child").getText()).contains("rohit").contains("update");
        browser.screenshot("journey-audit-diff");
    }
}

package io.piha.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The topology (click a node, filter by network type) and the exports (downloaded by Chromium) of Fremont. */
class TopologyAndExportJourneyTest {

    static RunningWeb web;
    static Browser browser;

    @BeforeAll
    static void start() {
        web = Dashboards.start();
        browser = Browser.open(web.url());
        browser.login().site("Anand family / Fremont");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        web.close();
    }

    private void openTopology() {
        browser.go("/topology");
        browser.until(d -> "true".equals(browser.find("#graph").getAttribute("data-ready")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void clickingANodeShowsTheDeviceAndWhatItHangsOff() {
        openTopology();
        // where the node is drawn, in the viewport's coordinates: a real click on the canvas, as a person makes it
        Map<String, Object> at = (Map<String, Object>) browser.js("var g = document.getElementById('graph');"
                + " g.scrollIntoView(); var r = g.getBoundingClientRect(); var n = window.pihaTopology.cy.nodes()"
                + ".filter(function (n) { return n.data('label') === 'pi-primary'; })[0].renderedPosition();"
                + " return {x: r.left + n.x, y: r.top + n.y};");
        new Actions(browser.driver()).moveToLocation((int) Math.round(((Number) at.get("x")).doubleValue()),
                (int) Math.round(((Number) at.get("y")).doubleValue())).click().perform();
        browser.until(d -> browser.find("#node-panel").getText().contains("pi-primary"));
        assertThat(browser.find("#node-panel").getText()).contains("online").contains("192.168.68.21")
                .contains("Main LAN 192.168.68.0/24");
        browser.screenshot("topology-node");
    }

    @Test
    void aHomeSeerChildHangsOffItsParentAndUnlinkedDevicesAreGrouped() {
        openTopology();
        assertThat(browser.js("return window.pihaTopology.cy.getElementById(window.pihaTopology.cy.nodes()"
                + ".filter(function (n) { return n.data('label') === 'Kitchen light'; })[0].id()).incomers('node')"
                + ".data('label');")).isEqualTo("Z-Wave controller");
        assertThat(browser.js("return window.pihaTopology.cy.nodes().filter(function (n) {"
                + " return n.data('label') === 'Espresso machine' || n.data('label') === 'Unlinked devices'; }).length;"))
                .isIn(0L, 2L);
    }

    @Test
    void unticingANetworkTypeHidesItsDevicesAndTheFinderSelectsANode() {
        openTopology();
        long visible = (Long) browser.js("return window.pihaTopology.cy.nodes(':visible').length;");
        WebElement zwave = browser.all("#type-filters label").stream().filter(l -> l.getText().contains("Z-Wave"))
                .findFirst().orElseThrow();
        zwave.click();
        long after = (Long) browser.js("return window.pihaTopology.cy.nodes(':visible').length;");
        assertThat(after).isEqualTo(visible - 4);
        browser.choose("#node-find", "nas");
        assertThat(browser.find("#node-panel").getText()).contains("nas").contains("Synology");
    }

    @Test
    void theDevicesAreExportedAsCsvAndJsonDownloads() throws IOException {
        browser.go("/reports").click("#export-csv");
        Path csv = browser.downloads.resolve("devices.csv");
        browser.until(d -> Files.exists(csv));
        String text = Files.readString(csv);
        assertThat(text).startsWith("site,slug,name,zone,parent,macs,metadata\r\n").contains("fremont,mac-b827ebaa0002,pi-primary")
                .doesNotContain("cabin-nas");
        browser.click("#export-json");
        Path json = browser.downloads.resolve("devices.json");
        browser.until(d -> Files.exists(json) && json.toFile().length() > 0);
        JsonNode devices = new ObjectMapper().readTree(json.toFile());
        assertThat(devices.size()).isEqualTo(text.split("\r\n").length - 1);
        assertThat(devices.get(0).get("site").asText()).isEqualTo("fremont");
        browser.screenshot("reports-fremont");
    }
}

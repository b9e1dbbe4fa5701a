package io.piha.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * Every page of the dashboard in Chromium, at desktop and phone width: it renders without a console error (so
 * the CSP refused nothing), every input has a label, nothing is wider than a phone's screen, and a screenshot of
 * each is kept for review.
 */
class PageTourTest {

    static final List<String[]> PAGES = List.of(
            new String[] {"overview", "/"},
            new String[] {"organisations", "/organisations"},
            new String[] {"sites", "/sites"},
            new String[] {"zones", "/zones"},
            new String[] {"zone-new", "/zones/new"},
            new String[] {"devices", "/devices"},
            new String[] {"device-new", "/devices/new"},
            new String[] {"networks", "/networks"},
            new String[] {"topology", "/topology"},
            new String[] {"sync", "/sync"},
            new String[] {"reports", "/reports"},
            new String[] {"audit", "/audit"});

    static RunningWeb web;
    static Browser browser;

    @BeforeAll
    static void start() {
        web = Dashboards.start();
        browser = Browser.open(web.url());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        web.close();
    }

    @Test
    void everyPageRendersWithLabelledInputsAndNoConsoleError() {
        browser.go("/login");
        browser.screenshot("login");
        browser.login().site("Anand family / Fremont");
        browser.consoleErrors();
        for (String[] page : PAGES) {
            browser.go(page[1]);
            if (page[0].equals("topology")) {
                browser.until(d -> "true".equals(browser.find("#graph").getAttribute("data-ready")));
            }
            assertThat(browser.find("h1").getText()).as(page[1]).isNotBlank();
            for (WebElement input : browser.all("main input:not([type=hidden]), main select, main textarea, header select")) {
                String id = input.getAttribute("id");
                boolean wrapped = (Boolean) browser.js("return arguments[0].closest('label') !== null;", input);
                boolean labelled = wrapped || (!id.isBlank() && !browser.all("label[for='" + id + "']").isEmpty());
                assertThat(labelled).as("a label for %s on %s", input.getAttribute("outerHTML"), page[1]).isTrue();
            }
            assertThat(browser.consoleErrors()).as("console of %s", page[1]).isEmpty();
            browser.screenshot(page[0]);
        }
    }

    @Test
    void atPhoneWidthNoPageIsWiderThanTheScreen() {
        browser.login().site("Anand family / Fremont");
        browser.size(390, 844);
        try {
            for (String[] page : PAGES) {
                browser.go(page[1]);
                long overflow = (Long) browser.js("return document.documentElement.scrollWidth - window.innerWidth;");
                assertThat(overflow).as("horizontal overflow of %s at 390 px", page[1]).isLessThanOrEqualTo(0);
            }
            browser.go("/devices");
            browser.screenshot("devices-phone");
        } finally {
            browser.size(1280, 900);
        }
    }

    @Test
    void theKeyboardReachesTheSkipLinkFirstAndItMovesToTheContent() {
        browser.login();
        browser.go("/devices");
        browser.find("body").sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        focused.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }
}

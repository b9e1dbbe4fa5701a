package io.piha.web.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The topology page in Debian's headless Chromium: from navigation start to the graph drawn and answering
 * (Cytoscape's first render after the preset layout), and how long a pan and a click on a node take to show.
 */
final class TopologyInChromium {

    static final int RUNS = 7;

    private TopologyInChromium() {
    }

    static void run(URI base, List<UUID> sites, List<String> labels) throws Exception {
        Path profile = Files.createTempDirectory("piha-bench-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(base.resolve("/login").toString());
            driver.findElement(By.id("user")).sendKeys("bench");
            driver.findElement(By.id("password")).sendKeys("bench-password");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> d.findElements(By.id("site-select")).size() > 0);
            System.out.println();
            System.out.println("topology in Chromium (" + RUNS + " loads each)       ready p50 ms  ready max ms  pan ms  click ms");
            for (int s = 0; s < sites.size(); s++) {
                String site = sites.get(s).toString();
                driver.executeScript("var f = document.getElementById('site-form'); f.site.value = arguments[0];"
                        + " f.back.value = '/topology'; f.submit();", site);
                wait.until(d -> d.getCurrentUrl().endsWith("/topology"));
                List<Double> ready = new ArrayList<>();
                double pan = 0;
                double click = 0;
                for (int i = 0; i < RUNS; i++) {
                    driver.navigate().refresh();
                    wait.until(d -> "true".equals(d.findElement(By.id("graph")).getAttribute("data-ready")));
                    ready.add(((Number) driver.executeScript("return window.pihaTopology.sinceNavigationMs;")).doubleValue());
                    pan = ((Number) driver.executeAsyncScript("var done = arguments[0]; var cy = window.pihaTopology.cy;"
                            + " var t = performance.now(); cy.one('render', function () { done(performance.now() - t); });"
                            + " cy.panBy({x: 120, y: 40});")).doubleValue();
                    click = ((Number) driver.executeAsyncScript("var done = arguments[0]; var cy = window.pihaTopology.cy;"
                            + " var n = cy.nodes('[kind = \"device\"]')[0]; var t = performance.now();"
                            + " n.emit('tap'); requestAnimationFrame(function () { done(performance.now() - t); });"))
                            .doubleValue();
                }
                Collections.sort(ready);
                long nodes = (Long) driver.executeScript("return window.pihaTopology.nodes;");
                System.out.printf(Locale.ROOT, "site of %-5s devices (%5d nodes)             %8.0f  %12.0f  %6.1f  %8.1f%n",
                        labels.get(s), nodes, ready.get(ready.size() / 2), ready.get(ready.size() - 1), pan, click);
            }
        } finally {
            driver.quit();
        }
    }
}

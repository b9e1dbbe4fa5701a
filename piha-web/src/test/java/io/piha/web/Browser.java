package io.piha.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver through Selenium WebDriver, headless, with a fresh profile.
 * Absent packages skip the test with the reason, unless {@code PIHA_REQUIRE_CHROMIUM=true} (CI) makes that a
 * failure. Screenshots go to {@code target/screenshots}, and to {@code docs/web} when the system property
 * {@code piha.web.docs} names that directory.
 */
final class Browser implements AutoCloseable {

    static final Path SHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final URI base;
    private final Path profile;
    final Path downloads;

    private Browser(URI base) {
        Path chromium = executable("chromium", "chromium-browser");
        Path chromedriver = executable("chromedriver");
        this.base = base;
        try {
            profile = Files.createTempDirectory("piha-chromium-profile");
            downloads = Files.createTempDirectory("piha-chromium-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A browser on the dashboard at {@code base}, or the test is skipped (or failed on CI) with the reason. */
    static Browser open(URI base) {
        return new Browser(base);
    }

    private static Path executable(String... names) {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .flatMap(d -> Stream.of(names).map(n -> Path.of(d, n))).filter(Files::isExecutable).findFirst();
        if (found.isEmpty() && "true".equalsIgnoreCase(System.getenv("PIHA_REQUIRE_CHROMIUM"))) {
            fail("PIHA_REQUIRE_CHROMIUM=true but no " + names[0] + " on the PATH (apt-get install -y chromium chromium-driver)");
        }
        Assumptions.assumeTrue(found.isPresent(), names[0] + " is not installed (apt-get install chromium"
                + " chromium-driver): the dashboard was not driven in a browser");
        return found.get();
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a path of the dashboard. */
    Browser go(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /** The first element matching {@code css}, waiting for it (a page that answers a click may still be loading). */
    WebElement find(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Types into a field, replacing what was there. */
    Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    Browser choose(String css, String visibleText) {
        new Select(find(css)).selectByVisibleText(visibleText);
        return this;
    }

    Browser click(String css) {
        find(css).click();
        return this;
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Logs in through the form. */
    Browser login() {
        go("/login").type("#user", Dashboards.USER).type("#password", Dashboards.PASSWORD).click("button[type=submit]");
        until(d -> d.getCurrentUrl().equals(base.resolve("/").toString()));
        return this;
    }

    /** Picks a site in the header's selector (it applies itself) and waits for the page to come back. */
    Browser site(String label) {
        choose("#site-select", label);
        until(d -> new Select(d.findElement(By.cssSelector("#site-select"))).getFirstSelectedOption().getText()
                .equals(label));
        return this;
    }

    /** The browser console's errors since the last call (a refused script or style shows here). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
    }

    Browser size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** Keeps a screenshot of the page as {@code name.png}. */
    Path screenshot(String name) {
        try {
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(SHOTS);
            Path out = SHOTS.resolve(name + ".png");
            Files.write(out, png);
            String docs = System.getProperty("piha.web.docs");
            if (docs != null && !docs.isBlank()) {
                Files.createDirectories(Path.of(docs));
                Files.write(Path.of(docs, name + ".png"), png);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a screenshot of " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        deleteTree(profile);
        deleteTree(downloads);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}

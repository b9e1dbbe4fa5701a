package io.piha.http.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import io.piha.testkit.browser.HeadlessChromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the status page in headless Chromium and looks at the picture: right size, not blank, and the
 * status colours (green up, red unreachable, amber failover) really on screen. Skipped when Chromium is
 * missing, unless {@code PIHA_REQUIRE_CHROMIUM=true} (CI) makes that a failure.
 */
class StatusPageScreenshotTest {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 900;
    private static final int GREEN = 0x2e7d32;
    private static final int RED = 0xc62828;
    private static final int AMBER = 0xef8f00;

    @TempDir
    Path dir;

    @Test
    void theStatusPageRendersInChromiumWithItsStatusColours() throws Exception {
        Path chromium = chromium();
        Path png = dir.resolve("status.png");
        try (StatusServer server = StatusServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                SampleStatus::failoverInProgress)) {
            screenshot(chromium, server.url().toString(), png);
        }
        keepForHumans(png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        Map<Integer, Integer> colours = histogram(image);
        int dominant = colours.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(colours).as("distinct colours").hasSizeGreaterThan(50);
        assertThat(dominant).as("pixels of the most common colour").isLessThan(WIDTH * HEIGHT * 9 / 10);
        assertThat(pixelsNear(image, GREEN)).as("green (up) pixels").isGreaterThan(50);
        assertThat(pixelsNear(image, RED)).as("red (unreachable) pixels").isGreaterThan(50);
        assertThat(pixelsNear(image, AMBER)).as("amber (failover) pixels").isGreaterThan(50);
    }

    private void screenshot(Path chromium, String url, Path png) {
        HeadlessChromium.screenshot(chromium, java.net.URI.create(url), png, WIDTH, HEIGHT, dir);
    }

    private static Path chromium() {
        Optional<Path> found = HeadlessChromium.binary();
        if (found.isEmpty() && HeadlessChromium.required()) {
            fail(HeadlessChromium.REQUIRE_ENV + "=true but no chromium on the PATH (apt-get install -y chromium)");
        }
        Assumptions.assumeTrue(found.isPresent(), "chromium not installed: the page was not looked at");
        return found.get();
    }

    private static void keepForHumans(Path png) throws Exception {
        Path target = Path.of("target", "status-page.png");
        if (Files.isDirectory(target.getParent())) {
            Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Map<Integer, Integer> histogram(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int pixelsNear(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(image.getRGB(x, y), rgb)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean close(int a, int b) {
        return List.of(16, 8, 0).stream().allMatch(shift ->
                Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) <= 6);
    }
}

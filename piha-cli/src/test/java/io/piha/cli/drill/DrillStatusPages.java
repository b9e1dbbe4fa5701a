package io.piha.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piha.testkit.browser.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Looks at the drill's status page at the end of each flow as an operator would: the JSON and the metrics, and a
 * screenshot in headless Chromium kept under {@code target/drill-status/} ({@code N-flow.png}). Without Chromium the
 * screenshots are skipped, unless {@code PIHA_REQUIRE_CHROMIUM=true} (CI) makes that a failure.
 */
final class DrillStatusPages {

    static final int WIDTH = 1280;
    static final int HEIGHT = 2400;
    private static final int AMBER = 0xef8f00;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path dir;
    private final Optional<Path> chromium = HeadlessChromium.binary();
    private final Map<Integer, JsonNode> json = new TreeMap<>();
    private final Map<Integer, String> metrics = new TreeMap<>();
    private final Map<Integer, Path> screenshots = new TreeMap<>();

    DrillStatusPages(Path dir) {
        this.dir = dir;
        if (chromium.isEmpty() && HeadlessChromium.required()) {
            fail(HeadlessChromium.REQUIRE_ENV + "=true but no chromium on the PATH (apt-get install -y chromium)");
        }
    }

    void look(Drill.FlowEnd end) {
        try {
            json.put(end.number(), new ObjectMapper().readTree(get(end.statusUrl().resolve("/status.json"))));
            metrics.put(end.number(), get(end.statusUrl().resolve("/metrics")));
            if (chromium.isPresent()) {
                Path work = Files.createTempDirectory("piha-drill-chromium-");
                Path png = dir.resolve(end.number() + "-" + end.name() + ".png");
                screenshots.put(end.number(), HeadlessChromium.screenshot(chromium.get(), end.statusUrl(), png, WIDTH,
                        HEIGHT, work));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void assertTheFailoverReadsRight() {
        assertThat(json).as("a look at the end of each flow").containsOnlyKeys(1, 2, 3, 4);
        json.forEach((flow, page) -> page.get("recent_events").forEach(e -> assertThat(e.get("text").asText())
                .as("flow %d lists no heartbeat", flow).doesNotContain("observe_heartbeat")));
        JsonNode failover = json.get(2);
        assertThat(severityOf(failover, "heartbeat_missed")).isEqualTo("warning");
        assertThat(severityOf(failover, "poe_reset")).isEqualTo("warning");
        assertThat(failover.get("routine").findValues("count")).as("heartbeats counted").isNotEmpty();
        assertThat(metrics.get(2)).contains("piha_failovers_total{service=\"home-assistant\"} 1\n",
                "piha_leader_info{service=\"home-assistant\",host=\"haos-standby\"} 1\n",
                "piha_poe_port_off{switch=\"rack-switch\",port=\"haos-primary\",state=\"held_off\"} 1\n");
        assertThat(metrics.get(4)).contains("piha_grants_total{service=\"home-assistant\",trigger=\"operator\"} 2\n");
        if (chromium.isPresent()) {
            screenshots.values().forEach(png -> assertThat(png).exists());
            assertThat(pixelsNear(read(screenshots.get(2)), AMBER)).as("amber (warning) pixels after the failover")
                    .isGreaterThan(200);
        }
    }

    private static String severityOf(JsonNode page, String code) {
        for (JsonNode e : page.get("recent_events")) {
            for (JsonNode c : e.get("codes")) {
                if (c.asText().equals(code)) {
                    return e.get("severity").asText();
                }
            }
        }
        return "not shown";
    }

    private static String get(URI uri) throws IOException {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("%s", uri).isEqualTo(200);
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static BufferedImage read(Path png) {
        try {
            return ImageIO.read(png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pixelsNear(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 6 && Math.abs(((p >> 8) & 0xff)
                        - ((rgb >> 8) & 0xff)) <= 6 && Math.abs((p & 0xff) - (rgb & 0xff)) <= 6) {
                    count++;
                }
            }
        }
        return count;
    }
}

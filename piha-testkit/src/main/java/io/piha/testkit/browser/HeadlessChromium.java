package io.piha.testkit.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, taking a screenshot of a page: how the status page is looked at in tests. A page is
 * rendered in a fresh profile with networking extras off, after up to 3 s of virtual time. Tests skip when Chromium
 * is missing unless {@value #REQUIRE_ENV}{@code =true} (CI installs it) makes that a failure.
 */
public final class HeadlessChromium {

    /** Set to {@code true} where a missing Chromium must fail rather than skip. */
    public static final String REQUIRE_ENV = "PIHA_REQUIRE_CHROMIUM";

    private HeadlessChromium() {
    }

    /** Chromium on the PATH ({@code chromium} or {@code chromium-browser}), if installed. */
    public static Optional<Path> binary() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(d -> Stream.of("chromium", "chromium-browser").map(n -> Path.of(d, n)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Whether a missing Chromium must fail the build (CI) rather than skip. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV));
    }

    /**
     * Renders {@code url} in a window of the given size and writes it as a PNG.
     *
     * @param chromium the binary ({@link #binary()})
     * @param work an empty folder for the profile and the log
     * @throws IllegalStateException with Chromium's log if it did not finish within 90 s or wrote no picture
     */
    public static Path screenshot(Path chromium, URI url, Path png, int width, int height, Path work) {
        Path profile = work.resolve("profile");
        Path log = work.resolve("chromium.log");
        try {
            Files.createDirectories(profile);
            Files.createDirectories(png.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--hide-scrollbars", "--run-all-compositor-stages-before-draw",
                    "--virtual-time-budget=3000", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), url.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not finish within 90 s; log: " + Files.readString(log));
            }
            if (!Files.exists(png)) {
                throw new IllegalStateException("chromium wrote no screenshot of " + url + "; log: " + Files.readString(log));
            }
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + chromium + " for a screenshot of " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chromium rendered " + url, e);
        }
    }
}

package io.piha.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code piha.jar} (after {@code package}): what it carries, for linux x86-64 and linux arm64 only, and
 * that it runs. The path comes from the {@code piha.jar} system property that failsafe sets.
 */
class ShadedJarIT {

    /** 80 MiB, the bound (the jar was 191 MiB). */
    static final long MAX_BYTES = 80L * 1024 * 1024;
    /** A native library of any platform, by file name. */
    private static final Pattern NATIVE = Pattern.compile(".*\\.(so|dll|jnilib|dylib|a)$");
    /** Natives PiHA can load: linux x86-64 and linux arm64 (aarch64), glibc. */
    private static final Pattern LINUX_X64_OR_ARM64 = Pattern.compile(
            "(.*/linux-(x86-64|aarch64)/[^/]+\\.so|librocksdbjni-linux(64|-aarch64)\\.so)");

    /** An INFO line in LogSetup's pattern ({@code 12:00:00.000 INFO  Logger - ...}). */
    private static final String LOG_INFO_LINE = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO ";

    private static Path jar;
    private static List<String> entries;

    @TempDir
    Path tmp;

    @BeforeAll
    static void theBuiltJar() throws IOException {
        jar = Path.of(System.getProperty("piha.jar", "target/piha.jar"));
        assertThat(jar).as("run through 'mvn verify': failsafe names the jar 'package' built").exists();
        try (JarFile j = new JarFile(jar.toFile())) {
            entries = j.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void isUnder80MiB() throws IOException {
        assertThat(Files.size(jar)).isLessThan(MAX_BYTES);
    }

    @Test
    void carriesNativesForLinuxX64AndArm64Only() {
        assertThat(entries.stream().filter(e -> NATIVE.matcher(e).matches()))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e).matches(LINUX_X64_OR_ARM64));
        assertThat(entries).filteredOn(e -> e.startsWith("librocksdbjni"))
                .as("the drill's broker keeps sessions in memory: no RocksDB natives at all")
                .isEmpty();
    }

    @Test
    void carriesPostgreSqlForLinuxAmd64AndArm64AndNoOther() {
        assertThat(entries.stream().filter(e -> e.matches("postgres-.*\\.txz")))
                .containsExactlyInAnyOrder("postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz");
    }

    @Test
    void namesItsMainClassVersionAndModule() throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            assertThat(m.getMainAttributes().getValue("Main-Class")).isEqualTo(Piha.class.getName());
            assertThat(m.getMainAttributes().getValue("Implementation-Version")).isEqualTo(System.getProperty("piha.version"));
            assertThat(m.getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("io.piha.cli");
        }
    }

    @Test
    void hasOneLoggingConfigurationAndItIsOurs() throws IOException {
        assertThat(entries).filteredOn(e -> e.matches("(.*/)?logback(-test)?\\.(xml|groovy)")).isEmpty();
        try (JarFile j = new JarFile(jar.toFile());
             InputStream in = j.getInputStream(j.getEntry("META-INF/services/ch.qos.logback.classic.spi.Configurator"))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo(LogSetup.class.getName());
        }
    }

    @Test
    void runsAndReportsAUserErrorInOneLine() throws Exception {
        Result version = java("--version");
        Result bad = java("status", "--broker", "127.0.0.1:70000");

        assertThat(version.code()).isZero();
        assertThat(version.out()).isEqualTo("piha " + System.getProperty("piha.version") + "\n");
        assertThat(bad.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(bad.out()).startsWith("piha status: --broker: '127.0.0.1:70000'").doesNotContain("\tat ")
                .hasLineCount(1);
    }

    @Test
    void startsTheEmbeddedPostgreSqlItCarries() throws Exception {
        Result run = java("inv", "org", "list", "--data-dir", tmp.resolve("db").toString());

        assertThat(run.code()).as(run.out()).isZero();
        // stdout and stderr together: the one-line notice that the server starts, then the table
        assertThat(run.out()).containsPattern("(?m)^SLUG  NAME").doesNotContainPattern(LOG_INFO_LINE);
    }

    @Test
    void playsTheDrill() throws Exception {
        Result run = java("drill");

        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("All four flows behaved").doesNotContainPattern(LOG_INFO_LINE).doesNotContain("\tat ");
    }

    private record Result(int code, String out) {
    }

    /** {@code java -jar piha.jar args...} with the launcher's service flags, stdout and stderr together. */
    private Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), out);
    }
}

package io.piha.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./piha} launcher passes the service JVM flags ({@link ServiceJvm}) to control-plane and agent only,
 * and PIHA_JAVA_OPTS replaces them. Run on a copy of the launcher in a tree whose jar is up to date, with a
 * {@code java} on the PATH that prints its arguments.
 */
class LauncherTest {

    @TempDir
    Path tree;

    private Path jar;

    @BeforeEach
    void aTreeWithTheLauncherAnUpToDateJarAndAJavaThatEchoes() throws IOException {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Files.copy(repository.resolve("piha"), tree.resolve("piha"));
        Path flags = tree.resolve("piha-cli/src/main/resources" + ServiceJvm.RESOURCE);
        Files.createDirectories(flags.getParent());
        Files.copy(Path.of("src/main/resources" + ServiceJvm.RESOURCE), flags);
        jar = Files.createDirectories(tree.resolve("piha-cli/target")).resolve("piha.jar");
        Files.writeString(jar, "not built: the echoing java never opens it");
        Path java = Files.createDirectories(tree.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> javaArgs(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", tree.resolve("piha").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", tree.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("PIHA_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    private List<String> expected(List<String> flags, String... args) {
        List<String> all = new ArrayList<>(flags);
        all.add("-jar");
        all.add(jar.toString());
        all.addAll(List.of(args));
        return all;
    }

    @Test
    void theServicesGetTheSmallFootprintFlags() throws Exception {
        assertThat(javaArgs(Map.of(), "control-plane", "--config", "cp.yaml"))
                .isEqualTo(expected(ServiceJvm.flags(), "control-plane", "--config", "cp.yaml"));
        assertThat(javaArgs(Map.of(), "--verbose", "agent", "-c", "agent.yaml"))
                .isEqualTo(expected(ServiceJvm.flags(), "--verbose", "agent", "-c", "agent.yaml"));
        assertThat(ServiceJvm.flags()).contains("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=24m", "-Xss512k").anyMatch(f -> f.startsWith("-XX:MaxMetaspaceSize="));
    }

    @Test
    void piHaJavaOptsReplacesTheFlags() throws Exception {
        assertThat(javaArgs(Map.of("PIHA_JAVA_OPTS", "-Xmx96m -XX:+UseG1GC"), "control-plane", "--config", "cp.yaml"))
                .isEqualTo(expected(List.of("-Xmx96m", "-XX:+UseG1GC"), "control-plane", "--config", "cp.yaml"));
    }

    @Test
    void otherCommandsGetNoFlagsButPihaJavaOpts() throws Exception {
        assertThat(javaArgs(Map.of(), "drill")).isEqualTo(expected(List.of(), "drill"));
        assertThat(javaArgs(Map.of("PIHA_JAVA_OPTS", "-Xmx1g"), "inv", "org", "list"))
                .isEqualTo(expected(List.of("-Xmx1g"), "inv", "org", "list"));
    }

    @Test
    void theListIgnoresCommentsAndBlankLines() {
        assertThat(ServiceJvm.parse("# a comment\n-Xmx64m\n\n  -Xss512k   # the stack\n")).containsExactly("-Xmx64m", "-Xss512k");
    }
}

package io.piha.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.cli.ExitCode;
import io.piha.cli.Piha;
import io.piha.cli.PihaRun;
import io.piha.cli.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * docs/setup-a-home.md followed as far as a machine without Pis, switch and broker allows: its files are read by
 * {@code piha config check} on the machine they belong to, its {@code piha} command lines (and those of the other
 * operations guides) parse, the paths and anchors the guides link exist, the units they enable are in deploy/, and
 * one host naming is used in the docs, the examples and deploy/.
 */
class SetupGuideTest {

    private static final Path ROOT = RepositoryRoot.get();
    private static final Path GUIDE = ROOT.resolve("docs/setup-a-home.md");
    private static final List<String> GUIDES = List.of("setup-a-home.md", "install.md", "upgrades.md",
            "backup-and-restore.md", "node-red.md");
    /** The two Home Assistant hosts, as in the HA package and every example. */
    private static final Set<String> HOSTS = Set.of("haos-primary", "haos-standby");
    @TempDir
    Path tmp;

    @Test
    void everyFileOfTheGuideIsSoundOnTheMachineItBelongsTo() throws IOException {
        Map<String, Map<String, Path>> machines = new HashMap<>();
        for (GuideBlocks b : GuideBlocks.of(GUIDE)) {
            if (b.file().isPresent()) {
                String on = b.on().orElseThrow(() -> new AssertionError("a file block without on=: " + b.file()));
                Path dir = Files.createDirectories(tmp.resolve(on));
                Path file = Files.writeString(dir.resolve(Path.of(b.file().get()).getFileName().toString()), b.body());
                machines.computeIfAbsent(on, k -> new HashMap<>()).put(b.file().get(), file);
            }
        }
        assertThat(machines).containsOnlyKeys("nas", "haos-standby");
        Map<String, Path> nas = machines.get("nas");
        Map<String, Path> standby = machines.get("haos-standby");

        PihaRun cp = PihaRun.of("config", "check", "--control-plane", nas.get("/etc/piha/control-plane.yaml").toString(),
                "--env-file", nas.get("/etc/piha/piha.env").toString());
        PihaRun agent = PihaRun.of("config", "check", "--agent", standby.get("/etc/piha/agent.yaml").toString(),
                "--env-file", standby.get("/etc/piha/piha.env").toString());

        assertThat(cp.code()).as(cp.err()).isEqualTo(ExitCode.OK.code());
        assertThat(cp.out()).contains("hosts [haos-primary, haos-standby], 1 switch(es), broker mqtt.home.lan:1883");
        assertThat(agent.code()).as(agent.err()).isEqualTo(ExitCode.OK.code());
        assertThat(agent.out()).contains("agent of host haos-standby", "gate on 127.0.0.1:8471");
    }

    @Test
    void everyPihaCommandLineOfTheGuidesParses() throws IOException {
        List<String> checked = new ArrayList<>();
        for (String guide : GUIDES) {
            for (List<String> words : GuideBlocks.pihaCommands(GuideBlocks.of(ROOT.resolve("docs").resolve(guide)))) {
                String line = guide + ": " + String.join(" ", words);
                try {
                    Piha.commandLine().parseArgs(words.subList(1, words.size()).toArray(String[]::new));
                } catch (CommandLine.ParameterException e) {
                    throw new AssertionError(line + ": " + e.getMessage(), e);
                }
                checked.add(line);
            }
        }
        assertThat(checked).as("the drill's commands are among them").anyMatch(l -> l.contains("piha promote --target"))
                .anyMatch(l -> l.contains("piha backup create")).anyMatch(l -> l.contains("piha reset-host"))
                .hasSizeGreaterThan(15);
    }

    @Test
    void aCommandThatDoesNotExistWouldBeCaught() {
        List<String> words = GuideBlocks.words("piha promote --taget haos-standby --reason 'first drill'  # typo");
        assertThat(words).containsExactly("piha", "promote", "--taget", "haos-standby", "--reason", "first drill");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Piha.commandLine()
                .parseArgs(words.subList(1, words.size()).toArray(String[]::new)))
                .isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void everyPathAndAnchorTheGuidesNameExists() throws IOException {
        Pattern repoPath = Pattern.compile("(?<![\\w./-])((?:docs|deploy)/[A-Za-z0-9_./-]*[A-Za-z0-9_-])");
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        List<String> missing = new ArrayList<>();
        for (String guide : GUIDES) {
            Path file = ROOT.resolve("docs").resolve(guide);
            String text = Files.readString(file);
            for (Matcher m = repoPath.matcher(text); m.find(); ) {
                String path = m.group(1);
                if (!Files.exists(ROOT.resolve(path))) {
                    missing.add(guide + ": " + path);
                }
            }
            for (Matcher m = link.matcher(text); m.find(); ) {
                String target = m.group(1);
                if (target.startsWith("http")) {
                    continue;
                }
                String[] parts = target.split("#", 2);
                Path linked = parts[0].isEmpty() ? file : file.getParent().resolve(parts[0]).normalize();
                if (!Files.exists(linked)) {
                    missing.add(guide + ": link " + target);
                } else if (parts.length == 2 && Files.isRegularFile(linked) && !anchors(linked).contains(parts[1])) {
                    missing.add(guide + ": anchor " + target);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theUnitsTheGuidesEnableAreInDeployOrWrittenByTheGuide() throws IOException {
        Pattern enable = Pattern.compile("systemctl enable --now (\\S+)");
        Set<String> units = new HashSet<>();
        for (String guide : GUIDES) {
            String text = Files.readString(ROOT.resolve("docs").resolve(guide));
            for (Matcher m = enable.matcher(text); m.find(); ) {
                String unit = m.group(1).contains(".") ? m.group(1) : m.group(1) + ".service";
                units.add(unit);
                assertThat(Files.exists(ROOT.resolve("deploy/systemd").resolve(unit))
                        || text.contains("/etc/systemd/system/" + unit)).as(guide + ": " + unit).isTrue();
            }
        }
        assertThat(units).contains("piha-control-plane.service", "piha-agent.service");
    }

    @Test
    void oneHostNamingInTheDocsTheExamplesAndDeploy() throws IOException {
        Pattern host = Pattern.compile("\\b[a-z0-9]+-(?:primary|standby)\\b");
        List<String> others = new ArrayList<>();
        for (Path dir : List.of(ROOT.resolve("docs"), ROOT.resolve("deploy"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).filter(SetupGuideTest::isText).toList()) {
                    for (Matcher m = host.matcher(Files.readString(f)); m.find(); ) {
                        if (!HOSTS.contains(m.group())) {
                            others.add(ROOT.relativize(f) + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(others).as("hosts are " + HOSTS + " everywhere").isEmpty();
    }

    private static boolean isText(Path f) {
        String name = f.getFileName().toString();
        return Stream.of(".md", ".yaml", ".yml", ".json", ".service", ".conf", ".acl", "Dockerfile", ".sh")
                .anyMatch(name::endsWith);
    }

    /** GitHub's anchors of a Markdown file's headings. */
    private static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : Files.readAllLines(markdown)) {
            if (line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
                anchors.add(title.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}

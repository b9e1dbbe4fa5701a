package io.piha.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command of the tree, including those added later by other packages, has the manners people expect. */
class CommandTreeTest {

    /**
     * Commands whose options still lack descriptions, owned by another change under way (issue 17, the inventory
     * CLI). Remove the entry when it lands: the check then covers them too.
     */
    private static final java.util.Set<String> DESCRIPTIONS_PENDING_IN_ISSUE_17 = java.util.Set.of();

    /** picocli's own {@code help} command answers -h but has no version of its own. */
    private static final List<String> HELP = List.of("help");

    /** Every command, by its path from the top ({@code []}, {@code [sync]}, {@code [sync, status]}, ...). */
    static Stream<List<String>> everyCommand() {
        Map<List<String>, CommandSpec> all = new LinkedHashMap<>();
        walk(Piha.commandLine(), List.of(), all);
        return all.keySet().stream();
    }

    private static void walk(CommandLine command, List<String> path, Map<List<String>, CommandSpec> into) {
        into.put(path, command.getCommandSpec());
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) { // aliases are the same command
                List<String> next = new ArrayList<>(path);
                next.add(name);
                walk(sub, next, into);
            }
        });
    }

    private static CommandSpec spec(List<String> path) {
        CommandLine c = Piha.commandLine();
        for (String name : path) {
            c = c.getSubcommands().get(name);
        }
        return c.getCommandSpec();
    }

    @Test
    void theTreeHasEveryKnownCommand() {
        assertThat(everyCommand().map(p -> String.join(" ", p)))
                .contains("drill", "bench", "simulate", "control-plane", "agent", "status", "promote", "demote", "freeze",
                        "thaw", "reset-host", "sync status", "sync now", "poe", "inv", "haos backup pull", "haos backup list",
                        "haos snapshot", "reinstall")
                .hasSizeGreaterThan(25);
    }

    @ParameterizedTest(name = "piha {0} -h")
    @MethodSource("everyCommand")
    void everyCommandAnswersHelpWithExitZero(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("-h");

        PihaRun run = PihaRun.of(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Usage: piha", "-h, --help", "--verbose");
        if (!path.equals(HELP)) {
            assertThat(run.out()).contains("-V, --version");
        }
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest(name = "piha {0}: every option and parameter is described")
    @MethodSource("everyCommand")
    void everyOptionAndParameterHasADescription(List<String> path) {
        org.junit.jupiter.api.Assumptions.assumeFalse(!path.isEmpty()
                && DESCRIPTIONS_PENDING_IN_ISSUE_17.contains(path.get(0)), "descriptions pending in issue 17");
        CommandSpec spec = spec(path);
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());

        assertThat(args).allSatisfy(a -> assertThat(String.join(" ", a.description()).strip())
                .as("description of %s in 'piha %s'", a.paramLabel() + (a.isOption() ? " " + ((CommandLine.Model.OptionSpec) a).longestName() : ""),
                        String.join(" ", path))
                .isNotEmpty());
        assertThat(String.join(" ", spec.usageMessage().description()).strip()).as("piha %s", path).isNotEmpty();
    }

    @ParameterizedTest(name = "piha {0} --version")
    @MethodSource("everyCommand")
    void everyCommandAnswersVersion(List<String> path) {
        org.junit.jupiter.api.Assumptions.assumeFalse(path.equals(HELP), "picocli's help command has no version");
        List<String> args = new ArrayList<>(path);
        args.add("--version");

        PihaRun run = PihaRun.of(args.toArray(String[]::new));

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("piha ");
    }

    @Test
    void theTopLevelHelpEndsWithTheExitCodeTable() {
        PihaRun run = PihaRun.of("--help");

        assertThat(run.code()).isZero();
        for (ExitCode c : ExitCode.values()) {
            assertThat(run.out()).contains("  " + c.code() + "  " + c.meaning());
        }
        assertThat(run.out()).contains("--verbose");
    }
}

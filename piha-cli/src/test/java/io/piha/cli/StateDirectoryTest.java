package io.piha.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command that reads or writes PiHA's state finds it in the same place by default. */
class StateDirectoryTest {

    @Test
    void everyStateDirOptionDefaultsToTheOneStateDirectory() {
        List<String> found = new ArrayList<>();
        collect(Piha.commandLine(), found);

        // picocli reads the default with its ${env:...} resolved
        String resolved = java.util.Optional.ofNullable(System.getenv("PIHA_STATE_DIR")).orElse("/var/lib/piha");
        assertThat(found).as("commands with --state-dir").hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(d -> assertThat(d).endsWith("=" + resolved));
    }

    private static void collect(CommandLine command, List<String> found) {
        CommandLine.Model.OptionSpec option = command.getCommandSpec().findOption("--state-dir");
        if (option != null) {
            found.add(command.getCommandSpec().qualifiedName() + "=" + option.defaultValue());
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, found));
    }
}

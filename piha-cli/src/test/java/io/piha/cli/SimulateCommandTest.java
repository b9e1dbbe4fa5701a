package io.piha.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {

    private final StringWriter out = new StringWriter();

    private int piha(String... args) {
        CommandLine cli = Piha.commandLine();
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void theFourSeedFlowsBehaveAndThePrintedTimelineSaysSo() {
        assertThat(piha("simulate")).isZero();

        assertThat(out.toString())
                .contains("== 1. Normal operation", "== 2. Heartbeat failure", "== 3. Return to HAOS", "== 4. Freeze period")
                .contains("power_cycle: leader haos-primary down", "granted epoch 2 to haos-standby")
                .contains("CRITICAL promotion_blocked")
                .doesNotContain("[FAIL]")
                .endsWith("All four flows behaved." + System.lineSeparator());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void theFlowsAlsoBehaveOnAChaoticBus(long seed) {
        assertThat(piha("simulate", "--chaos", "--seed", Long.toString(seed))).as(out.toString()).isZero();
    }

    @Test
    void anUnknownOptionIsAUsageErrorThatNamesIt() {
        StringWriter err = new StringWriter();
        CommandLine cli = Piha.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("simulate", "--sead", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--sead");
    }
}

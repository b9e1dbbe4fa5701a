package io.piha.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.testkit.mqtt.TestBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user error is one line on stderr, {@code piha <command>: what happened; what to do}, with the exit code of
 * {@link ExitCode} and no stack trace, whichever command it comes from; {@code --verbose} adds the trace.
 */
class FailureReportingTest {

    @TempDir
    Path tmp;

    private static void assertOneLine(PihaRun run, ExitCode code, String command) {
        assertThat(run.code()).as(run.err()).isEqualTo(code.code());
        assertThat(run.err()).startsWith("piha " + command + ": ").doesNotContain("\tat ", "Exception in thread");
        assertThat(run.oneLineOnStderr()).as(run.err()).isTrue();
    }

    @Test
    void aMissingConfigurationFileIsAUsageErrorNamingTheFile() {
        PihaRun run = PihaRun.of("control-plane", "--config", tmp.resolve("nowhere.yaml").toString());

        assertOneLine(run, ExitCode.USAGE, "control-plane");
        assertThat(run.err()).contains("nowhere.yaml").contains("; check the file");
    }

    @Test
    void aBadConfigurationNeverPrintsItsSecretsNotEvenVerbose() throws IOException {
        Path file = Files.writeString(tmp.resolve("control-plane.yaml"), """
                site: home
                actor: nas
                broker:
                  - url: mqtt://127.0.0.1:1883
                    username: piha
                    password: hunter2-broker-secret
                    signing_key: sign-me-0123456789abcdef
                services: []
                """);

        PihaRun quiet = PihaRun.of("agent", "--config", file.toString());
        PihaRun verbose = PihaRun.of("control-plane", "--config", file.toString(), "--verbose");

        assertThat(quiet.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(quiet.err()).startsWith("piha agent: ").doesNotContain("\tat ");
        assertThat(verbose.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(verbose.err()).contains("\tat ", "message not shown");
        for (PihaRun run : new PihaRun[] {quiet, verbose}) {
            assertThat(run.err() + run.out()).doesNotContain("hunter2-broker-secret", "sign-me-0123456789abcdef");
        }
    }

    @Test
    void anUnknownHostIsAUsageErrorListingTheKnownOnes() throws IOException {
        Path file = Files.writeString(tmp.resolve("control-plane.yaml"), """
                site: home
                actor: nas
                broker: {url: "mqtt://127.0.0.1:1883"}
                services:
                  - {name: home-assistant, primary: haos-primary, standby: haos-standby, fencing: power_off}
                hosts:
                  - id: haos-primary
                    probes: [{type: tcp, address: "127.0.0.1:1"}]
                    poe: {switch: rack, port: haos-primary}
                  - id: haos-standby
                    probes: [{type: tcp, address: "127.0.0.1:1"}]
                    poe: {switch: rack, port: haos-standby}
                switches:
                  - name: rack
                    type: snmp
                    address: "127.0.0.1:1"
                    credentials: {community: private}
                    ports: {haos-primary: "1.1", haos-standby: "1.2"}
                """);

        PihaRun run = PihaRun.of("reset-host", "garage-pi", "--config", file.toString(), "--state-dir",
                tmp.resolve("state").toString(), "--dry-run");

        assertOneLine(run, ExitCode.USAGE, "reset-host");
        assertThat(run.err()).contains("garage-pi", "haos-primary", "haos-standby");
    }

    @Test
    void anUnreachableBrokerFailsWithOneLineSayingWhatToCheck() {
        PihaRun run = PihaRun.of("status", "--broker", "127.0.0.1:" + TestBroker.freePort());

        assertOneLine(run, ExitCode.FAILED, "status");
        assertThat(run.err()).contains("127.0.0.1", "check --broker").doesNotContain("io.netty");
    }

    @Test
    void anUnreachableBrokerShowsTheTraceWithVerbose() {
        PihaRun run = PihaRun.of("status", "--verbose", "--broker", "127.0.0.1:" + TestBroker.freePort());

        assertThat(run.code()).isEqualTo(ExitCode.FAILED.code());
        assertThat(run.err()).startsWith("piha status: ").contains("LeadershipBusException", "\tat ");
    }

    @Test
    void anUnreachableDatabaseFailsWithOneLineSayingWhatToCheck() {
        PihaRun run = PihaRun.of("inv", "org", "list", "--db",
                "jdbc:postgresql://127.0.0.1:" + TestBroker.freePort() + "/inventory?connectTimeout=2");

        assertOneLine(run, ExitCode.FAILED, "inv org list");
        assertThat(run.err()).contains("cannot reach the database", "PIHA_DB_URL");
    }

    @Test
    void anUnknownOptionIsOneLineWithASuggestionAndNoUsageDump() {
        PihaRun run = PihaRun.of("simulate", "--sead", "3");

        assertOneLine(run, ExitCode.USAGE, "simulate");
        assertThat(run.err()).contains("'--sead'", "did you mean --seed?", "see 'piha simulate --help'");
    }

    @Test
    void aCountOutOfRangeIsRefusedBeforeAnythingStarts() {
        PihaRun rounds = PihaRun.of("bench", "--rounds", "0");
        PihaRun failovers = PihaRun.of("bench", "--failovers", "-1");

        assertOneLine(rounds, ExitCode.USAGE, "bench");
        assertThat(rounds.err()).contains("--rounds must be at least 1, was 0");
        assertOneLine(failovers, ExitCode.USAGE, "bench");
        assertThat(rounds.out() + failovers.out()).isEmpty();
    }

    @Test
    void aPortOutOfRangeIsRefusedBeforeConnecting() {
        PihaRun run = PihaRun.of("status", "--broker", "127.0.0.1:70000");

        assertOneLine(run, ExitCode.USAGE, "status");
        assertThat(run.err()).contains("'127.0.0.1:70000'", "1 to 65535");
    }
}

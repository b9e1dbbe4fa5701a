package io.piha.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ParticipantKind;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Grant;
import io.piha.core.arbiter.Phase;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArbiterMemoryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final HostId PRIMARY = HostId.of("haos-primary");
    private static final HostId STANDBY = HostId.of("haos-standby");
    private static final Grant GRANT = new Grant(STANDBY, "operator: primary's SD card\nreplaced — tomorrow", false,
            Optional.of("cli-7"), true);

    @TempDir
    Path dir;

    private ArbiterMemory memory() {
        return ArbiterMemory.inFile(dir.resolve("state/arbiter.properties"));
    }

    private static ArbiterState state(Phase phase) {
        ArbiterState s = new ArbiterState.Remembered(Optional.of(PRIMARY), Epoch.of(7), true,
                Optional.of(T0.minusSeconds(3600)), 12, Map.of(PRIMARY, ParticipantKind.V1, STANDBY, ParticipantKind.AGENT),
                new Phase.Watching(), List.of("ops-cli-3", "ops-cli-4")).resume(T0);
        return new ArbiterState(phase, s.leader(), s.epoch(), s.lastHeartbeat(), s.watchSince(), s.frozen(),
                s.lastFailover(), s.commandSeq(), s.hosts(), s.leaseRenewedAt(), s.seen(), s.remindAt(), s.connected(),
                s.announced());
    }

    static Stream<Phase> durablePhases() {
        Command promote = Command.envelope(CommandVerb.PROMOTE, "heating-control-plane-13").target(STANDBY)
                .epoch(Epoch.of(8)).reason("heartbeat_timeout").actor("control-plane")
                .validBetween(T0, T0.plusSeconds(60)).build();
        return Stream.of(new Phase.Watching(),
                new Phase.Fencing(PRIMARY, GRANT, T0),
                new Phase.Demoting(PRIMARY, GRANT, "heating-control-plane-12", T0.plusSeconds(15)),
                new Phase.AwaitingLeaseExpiry(PRIMARY, GRANT, T0.plusSeconds(185)),
                new Phase.AwaitingLeader(STANDBY, Epoch.of(8), promote, T0.plusSeconds(60), 2),
                new Phase.AwaitingLeader(STANDBY, Epoch.of(8), Command.plain(CommandVerb.PROMOTE), T0.plusSeconds(60), 1),
                new Phase.HandingBack(STANDBY, PRIMARY, T0.plusSeconds(30), GRANT),
                new Phase.Blocked(PRIMARY, "fencing impossible", Optional.of(T0.plusSeconds(60)), Optional.of(GRANT)),
                new Phase.Blocked(PRIMARY, "fencing impossible", Optional.empty(), Optional.of(GRANT)));
    }

    @ParameterizedTest
    @MethodSource("durablePhases")
    void everythingRememberedComesBackAfterARestartIncludingAFenceOrGrantInProgress(Phase phase) {
        ArbiterState before = state(phase);
        memory().save(before);

        ArbiterState resumed = memory().load(T0.plusSeconds(300));

        assertThat(resumed.remembered()).isEqualTo(before.remembered());
        assertThat(resumed.phase()).isEqualTo(phase);
        assertThat(resumed.silenceSince()).as("the watchdog starts over").isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void aPhaseThatNeedsNoFinishingResumesAsWatchingSoARestartNeverCausesAFailoverByItself() {
        memory().save(state(new Phase.AwaitingRecovery(PRIMARY, T0)));

        ArbiterState resumed = memory().load(T0.plusSeconds(300));

        assertThat(resumed.phase()).isInstanceOf(Phase.Watching.class);
        assertThat(resumed.leader()).contains(PRIMARY);
        assertThat(resumed.epoch()).isEqualTo(Epoch.of(7));
        assertThat(resumed.frozen()).isTrue();
        assertThat(resumed.commandSeq()).isEqualTo(12);
        assertThat(resumed.seen().commandIds()).containsExactly("ops-cli-3", "ops-cli-4");
    }

    @Test
    void noMemoryMeansAFreshStart() {
        assertThat(ArbiterMemory.inFile(dir.resolve("none")).load(T0)).isEqualTo(ArbiterState.startingUp(T0));
    }

    @Test
    void anEmptyFileIsRefusedWithTheWayBackNotReadAsEpochZero() throws Exception {
        Path file = dir.resolve("arbiter.properties");
        Files.writeString(file, "");

        assertThatThrownBy(() -> ArbiterMemory.inFile(file).load(T0))
                .isInstanceOf(ArbiterMemory.UnreadableMemoryException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("is empty")
                .hasMessageContaining("piha control-plane rebuild-memory");
    }

    @Test
    void everyTruncationOfAMemoryFileIsRefused() throws Exception {
        ArbiterMemory memory = memory();
        memory.save(state(new Phase.Fencing(PRIMARY, GRANT, T0)));
        Path file = dir.resolve("state/arbiter.properties");
        byte[] whole = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.properties");

        // Every cut short of the final newline, including the empty file: a checksum line needs all 64 digits.
        for (int length = 0; length < whole.length - 1; length++) {
            Files.write(cut, Arrays.copyOf(whole, length));
            int n = length;
            assertThatThrownBy(() -> ArbiterMemory.inFile(cut).load(T0)).as("cut at %d of %d bytes", n, whole.length)
                    .isInstanceOf(ArbiterMemory.UnreadableMemoryException.class);
        }
    }

    @Test
    void anEditedFileDoesNotMatchItsChecksum() throws Exception {
        memory().save(state(new Phase.Watching()));
        Path file = dir.resolve("state/arbiter.properties");
        Files.writeString(file, Files.readString(file).replace("epoch=7", "epoch=9"));

        assertThatThrownBy(() -> memory().load(T0)).isInstanceOf(ArbiterMemory.UnreadableMemoryException.class)
                .hasMessageContaining("does not match its checksum");
    }

    @Test
    void aFormatFromANewerPihaIsRefusedByName() throws Exception {
        ArbiterState s = state(new Phase.Watching());
        String text = FileArbiterMemory.write(s.remembered()).replace("format=2", "format=3");
        String body = text.substring(0, text.indexOf("checksum="));
        Path file = dir.resolve("arbiter.properties");
        Files.writeString(file, body + "checksum=sha256:" + sha256(body) + "\n");

        assertThatThrownBy(() -> ArbiterMemory.inFile(file).load(T0))
                .hasMessageContaining("has format 3").hasMessageContaining("newer PiHA");
    }

    @Test
    void aCompleteMemoryFromPiha01IsReadAndACutOneIsRefused() throws Exception {
        Path file = dir.resolve("arbiter.properties");
        String v01 = "#PiHA control-plane memory; do not edit while it runs\nleader=haos-primary\nepoch=4\nfrozen=false\n"
                + "lastFailover=2026-11-01T10\\:00\\:00Z\ncommandSeq=9\n";
        Files.writeString(file, v01);

        ArbiterState s = ArbiterMemory.inFile(file).load(T0);

        assertThat(s.leader()).contains(PRIMARY);
        assertThat(s.epoch()).isEqualTo(Epoch.of(4));
        assertThat(s.lastFailover()).contains(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(s.commandSeq()).isEqualTo(9);

        Files.writeString(file, v01.substring(0, v01.indexOf("commandSeq")));
        assertThatThrownBy(() -> ArbiterMemory.inFile(file).load(T0))
                .isInstanceOf(ArbiterMemory.UnreadableMemoryException.class).hasMessageContaining("'commandSeq'");
    }

    @Test
    void aValueThatMakesNoSenseIsNamed() throws Exception {
        ArbiterState s = state(new Phase.Watching());
        String text = FileArbiterMemory.write(s.remembered()).replace("epoch=7", "epoch=-3");
        String body = text.substring(0, text.indexOf("checksum="));
        Path file = dir.resolve("arbiter.properties");
        Files.writeString(file, body + "checksum=sha256:" + sha256(body) + "\n");

        assertThatThrownBy(() -> ArbiterMemory.inFile(file).load(T0)).hasMessageContaining("'epoch' = '-3'");
    }

    @Test
    void aWriteThatFailsThrowsAndLeavesNoTemporaryFileBehind() throws Exception {
        Path notADirectory = dir.resolve("state");
        Files.writeString(notADirectory, "a file where the folder should be");

        assertThatThrownBy(() -> memory().save(state(new Phase.Watching()))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot write the control plane's memory");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(notADirectory);
        }
    }

    @Test
    void aSaveReplacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        memory().save(state(new Phase.Watching()));
        memory().save(state(new Phase.Fencing(PRIMARY, GRANT, T0)));

        try (Stream<Path> files = Files.list(dir.resolve("state"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("arbiter.properties");
        }
        assertThat(memory().load(T0).phase()).isInstanceOf(Phase.Fencing.class);
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}

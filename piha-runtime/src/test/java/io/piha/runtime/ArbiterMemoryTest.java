package io.piha.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArbiterMemoryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aRestartResumesLeaderEpochFreezeAndHistoryButRestartsTheWatchdog() {
        ArbiterMemory memory = new ArbiterMemory(dir.resolve("state/arbiter.properties"));
        memory.save(new ArbiterState(new Phase.AwaitingRecovery(HostId.of("haos-primary"), T0), Optional.of(HostId.of("haos-primary")),
                Epoch.of(7), Optional.of(T0), T0, true, Optional.of(T0.minusSeconds(3600)), 12));

        ArbiterState resumed = memory.load(T0.plusSeconds(300));

        assertThat(resumed.phase()).isInstanceOf(Phase.Watching.class);
        assertThat(resumed.leader()).contains(HostId.of("haos-primary"));
        assertThat(resumed.epoch()).isEqualTo(Epoch.of(7));
        assertThat(resumed.frozen()).isTrue();
        assertThat(resumed.lastFailover()).contains(T0.minusSeconds(3600));
        assertThat(resumed.commandSeq()).isEqualTo(12);
        assertThat(resumed.silenceSince()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void noMemoryMeansAFreshStart() {
        assertThat(new ArbiterMemory(dir.resolve("none")).load(T0)).isEqualTo(ArbiterState.startingUp(T0));
    }

    @Test
    void aCorruptMemoryIsAnErrorNamingTheFileNotAFreshStart() throws Exception {
        Path file = dir.resolve("arbiter.properties");
        Files.writeString(file, "epoch=seven\n");

        assertThatThrownBy(() -> new ArbiterMemory(file).load(T0)).hasMessageContaining(file.toString())
                .hasMessageContaining("corrupt");
    }
}

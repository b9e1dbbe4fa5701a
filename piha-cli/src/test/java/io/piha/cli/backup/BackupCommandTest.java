package io.piha.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.cli.PihaRun;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Phase;
import io.piha.runtime.ArbiterMemory;
import io.piha.service.MemoryRebuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code piha backup create|verify|restore}: what people see, and the exit codes of the table. */
class BackupCommandTest {

    @TempDir
    Path tmp;

    private Path config() throws Exception {
        return Files.writeString(tmp.resolve("control-plane.yaml"), """
                broker: {url: "mqtt://127.0.0.1:1883"}
                services: [{name: home-assistant, primary: haos-primary, standby: haos-standby, fencing: confirmed_dead}]
                hosts:
                  - {id: haos-primary, probes: [{type: tcp, address: "127.0.0.1:1"}]}
                  - {id: haos-standby, probes: [{type: tcp, address: "127.0.0.1:1"}]}
                audit: {file: %s}
                """.formatted(tmp.resolve("audit.jsonl")));
    }

    @Test
    void createVerifyAndRestoreSayWhatTheStateHeld() throws Exception {
        Path state = tmp.resolve("state");
        Path memory = MemoryRebuild.memoryFile(state, ServiceName.HOME_ASSISTANT);
        ArbiterMemory.inFile(memory).save(new ArbiterState.Remembered(Optional.of(HostId.of("haos-standby")),
                Epoch.of(12), true, Optional.empty(), 3, Map.of(), new Phase.Watching(), List.of()).resume(Instant.now()));
        String cfg = config().toString();
        Path archive = tmp.resolve("b.zip");

        PihaRun create = PihaRun.of("backup", "create", "-c", cfg, "--state-dir", state.toString(), "-o", archive.toString());
        assertThat(create.code()).as(create.err()).isZero();
        assertThat(create.out()).contains("state/arbiter-home-assistant.properties: epoch 12, leader haos-standby, frozen")
                .contains("sound: 1 file(s)");

        PihaRun verify = PihaRun.of("backup", "verify", archive.toString());
        assertThat(verify.code()).isZero();

        Files.writeString(memory, "edited");
        PihaRun refused = PihaRun.of("backup", "restore", archive.toString(), "-c", cfg, "--state-dir", state.toString());
        assertThat(refused.code()).isEqualTo(4);
        assertThat(refused.oneLineOnStderr()).isTrue();
        assertThat(refused.err()).contains("--force");

        PihaRun forced = PihaRun.of("backup", "restore", archive.toString(), "-c", cfg, "--state-dir", state.toString(),
                "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("kept aside");
        assertThat(ArbiterMemory.inFile(memory).load(Instant.now()).epoch()).isEqualTo(Epoch.of(12));
    }

    @Test
    void aDamagedArchiveFailsVerificationAndAMissingOneIsBadInput() throws Exception {
        Path archive = Files.writeString(tmp.resolve("b.zip"), "not a zip at all");
        PihaRun damaged = PihaRun.of("backup", "verify", archive.toString());
        assertThat(damaged.code()).isEqualTo(1);
        assertThat(damaged.out()).contains("PROBLEM").contains("do not restore");

        PihaRun missing = PihaRun.of("backup", "verify", tmp.resolve("nope.zip").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.oneLineOnStderr()).isTrue();
    }
}

package io.piha.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.sync.CommitId;
import io.piha.testkit.git.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSnapshotTest {

    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path tmp;

    private TestRepo nas;

    @BeforeEach
    void nasRepository() {
        nas = TestRepo.createBare(tmp.resolve("nas/home-assistant.git"));
    }

    @AfterEach
    void close() {
        nas.close();
    }

    @Test
    void theHeadOfThePrimaryBranchIsStagedNotTheDelayedStandby() throws Exception {
        ObjectId old = nas.commit("main", T, Map.of("configuration.yaml", "name: old\n"));
        nas.move("standby", old);
        ObjectId now = nas.commit("main", T.plusSeconds(60), Map.of("configuration.yaml", "name: now\n"));
        ConfigSnapshot snapshot = ConfigSnapshot.of(nas.dir(), "main", tmp.resolve("staged/config"));

        assertThat(snapshot.take()).isEqualTo(new CommitId(now.name()));
        assertThat(Files.readString(snapshot.live().resolve("configuration.yaml"))).isEqualTo("name: now\n");
    }

    @Test
    void aRemoteIsFetchedIntoTheCacheAndTheSnapshotBeforeIsKeptAsPrevious() throws Exception {
        ObjectId one = nas.commit("main", T, Map.of("configuration.yaml", "name: one\n"));
        Path root = tmp.resolve("staged/config");
        ConfigSnapshot snapshot = ConfigSnapshot.remote(nas.dir().toUri().toString(), tmp.resolve("cache.git"),
                t -> { }, "main", root);
        snapshot.take();
        ObjectId two = nas.commit("main", T.plusSeconds(60), Map.of("configuration.yaml", "name: two\n"));

        assertThat(snapshot.take()).isEqualTo(new CommitId(two.name()));
        assertThat(Files.readString(snapshot.live().resolve("configuration.yaml"))).isEqualTo("name: two\n");
        assertThat(StandbyCheckout.of(nas.dir(), "main", root).previous()).contains(new CommitId(one.name()));
    }

    @Test
    void anUnreachableRemoteKeepsTheStagedSnapshotAndNamesTheRemote() throws Exception {
        nas.commit("main", T, Map.of("configuration.yaml", "name: one\n"));
        Path root = tmp.resolve("staged/config");
        ConfigSnapshot.of(nas.dir(), "main", root).take();
        ConfigSnapshot gone = ConfigSnapshot.remote(tmp.resolve("nowhere.git").toUri().toString(),
                tmp.resolve("cache.git"), t -> { }, "main", root);

        assertThatThrownBy(gone::take).isInstanceOf(StandbyCheckoutException.class).hasMessageContaining("nowhere.git");
        assertThat(Files.readString(root.resolve("current/configuration.yaml"))).isEqualTo("name: one\n");
    }
}

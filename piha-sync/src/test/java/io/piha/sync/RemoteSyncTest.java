package io.piha.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.sync.CommitId;
import io.piha.api.sync.SyncFreeze;
import io.piha.api.sync.SyncOutcome;
import io.piha.testkit.ManualClock;
import io.piha.sync.testing.Recorder;
import io.piha.testkit.git.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same rules over a transport ({@code file://}): fetch into a cache, push with the expected old id. */
class RemoteSyncTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path tmp;

    private TestRepo nas;
    private ObjectId base;
    private final ManualClock clock = new ManualClock(T0);
    private final Recorder recorder = new Recorder();

    @BeforeEach
    void nasRepository() {
        nas = TestRepo.createBare(tmp.resolve("nas/home-assistant.git"));
        base = nas.commit("main", T0.minus(Duration.ofDays(5)), "base");
        nas.move("standby", base);
    }

    @AfterEach
    void close() {
        nas.close();
    }

    private GitConfigSync remote(String uri) {
        return GitConfigSync.remote(uri, tmp.resolve("cache.git")).clock(clock)
                .alerts(recorder).audit(recorder).listener(recorder).build();
    }

    private String fileUri() {
        return nas.dir().toUri().toString();
    }

    @Test
    void theWindowHoldsAndTheStandbyMovesByPushOverTheTransport() {
        ObjectId old = nas.commit("main", T0.minus(Duration.ofHours(30)), "old enough");
        ObjectId fresh = nas.commit("main", T0.minus(Duration.ofHours(1)), "fresh");
        GitConfigSync sync = remote(fileUri());

        assertThat(sync.sync()).isEqualTo(new SyncOutcome.Synced(Optional.of(new CommitId(base.name())),
                new CommitId(old.name()), "scheduler"));
        assertThat(nas.head("standby")).contains(old);
        assertThat(sync.status().pending()).hasValueSatisfying(p -> assertThat(p.commit().hex())
                .isEqualTo(fresh.name()));
        assertThat(sync.sync()).isInstanceOf(SyncOutcome.Pending.class);
    }

    @Test
    void aStandbyMovedOnTheNasBetweenFetchAndPushIsAConcurrentChangeNotOverwritten() {
        nas.commit("main", T0.minus(Duration.ofHours(30)), "old enough");
        nas.forkTree("main", "side");
        nas.move("side", base);
        ObjectId other = nas.commit("side", T0.minus(Duration.ofHours(40)), "someone else's commit");
        nas.move("side", base);
        AtomicInteger transports = new AtomicInteger();
        GitConfigSync sync = GitConfigSync.remote(fileUri(), tmp.resolve("cache.git")).clock(clock)
                .alerts(recorder).audit(recorder)
                .transport(t -> {
                    // The first transport fetches; before the second one pushes, another writer moves standby.
                    if (transports.incrementAndGet() == 2) {
                        nas.move("standby", other);
                    }
                })
                .build();

        SyncOutcome outcome = sync.sync();

        assertThat(outcome).isInstanceOf(SyncOutcome.Blocked.class);
        assertThat(((SyncOutcome.Blocked) outcome).reason()).contains("concurrent change", base.name());
        assertThat(nas.head("standby")).contains(other);
        assertThat(recorder.alerts).extracting(a -> a.code()).containsExactly("sync_blocked");
    }

    @Test
    void theFreezeIsStoredOnTheNasSoLocalAndRemoteUsersSeeIt() {
        nas.commit("main", T0.minus(Duration.ofHours(30)), "old enough");
        SyncFreeze freeze = new SyncFreeze("drill", "ops", T0, Optional.empty());

        remote(fileUri()).freeze(freeze);

        GitConfigSync local = GitConfigSync.custom(nas.dir()).clock(clock).alerts(recorder).audit(recorder).build();
        assertThat(local.sync()).isEqualTo(new SyncOutcome.Frozen(freeze));
        local.thaw("ops");
        assertThat(remote(fileUri()).sync()).isInstanceOf(SyncOutcome.Synced.class);
    }

    @Test
    void anUnreachableRemoteBlocksNamingItWithoutCredentials() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));

        SyncOutcome outcome = remote("https://ha:s3cret@127.0.0.1:9/nowhere.git").sync();

        assertThat(outcome).isInstanceOf(SyncOutcome.Blocked.class);
        assertThat(((SyncOutcome.Blocked) outcome).reason()).contains("cannot fetch from https://ha@127.0.0.1:9")
                .doesNotContain("s3cret");
        assertThat(recorder.alerts).singleElement().satisfies(a -> assertThat(a.message()).doesNotContain("s3cret"));
    }
}

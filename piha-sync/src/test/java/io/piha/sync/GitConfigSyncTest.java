package io.piha.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.alert.Severity;
import io.piha.api.audit.AuditEntry;
import io.piha.api.sync.CommitId;
import io.piha.api.sync.Incident;
import io.piha.api.sync.IncidentKind;
import io.piha.api.sync.SyncFreeze;
import io.piha.api.sync.SyncOutcome;
import io.piha.api.sync.SyncStatus;
import io.piha.testkit.ManualClock;
import io.piha.sync.testing.Recorder;
import io.piha.testkit.git.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitConfigSyncTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    @TempDir
    Path tmp;

    private TestRepo repo;
    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryIncidentLog incidents = new InMemoryIncidentLog();
    private final Recorder recorder = new Recorder();
    private GitConfigSync sync;
    private ObjectId base;

    @BeforeEach
    void createRepositoryWithStandbyAtTheFirstCommit() {
        repo = TestRepo.createBare(tmp.resolve("home-assistant.git"));
        base = repo.commit("main", T0.minus(Duration.ofDays(10)), "base");
        repo.move("standby", base);
        sync = syncOn(repo.dir());
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private GitConfigSync syncOn(Path dir) {
        return GitConfigSync.custom(dir).clock(clock).incidents(incidents)
                .alerts(recorder).audit(recorder).listener(recorder).build();
    }

    private static CommitId id(ObjectId o) {
        return new CommitId(o.name());
    }

    @Test
    void commitInsideItsWindowIsPendingAndTheStandbyStays() {
        ObjectId c1 = repo.commit("main", T0.minus(Duration.ofHours(3)), "new automation");

        SyncOutcome outcome = sync.sync();

        assertThat(outcome).isEqualTo(new SyncOutcome.Pending(id(c1), T0.plus(Duration.ofHours(21))));
        assertThat(outcome.isHealthy()).isFalse();
        assertThat(repo.head("standby")).contains(base);
        SyncStatus status = sync.status();
        assertThat(status.pending()).contains(new SyncOutcome.Pending(id(c1), T0.plus(Duration.ofHours(21))));
        assertThat(status.isHealthy()).isFalse();
        assertThat(recorder.audit).isEmpty();
    }

    @Test
    void afterTheWindowTheStandbyFastForwardsToTheNewestEligibleCommitOnly() {
        ObjectId old = repo.commit("main", T0.minus(Duration.ofHours(30)), "old enough");
        ObjectId fresh = repo.commit("main", T0.minus(Duration.ofHours(2)), "too fresh");

        SyncOutcome outcome = sync.sync();

        assertThat(outcome).isEqualTo(new SyncOutcome.Synced(Optional.of(id(base)), id(old), "scheduler"));
        assertThat(repo.head("standby")).contains(old);
        assertThat(sync.status().pending()).contains(new SyncOutcome.Pending(id(fresh), T0.plus(Duration.ofHours(22))));
        assertThat(recorder.audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("sync");
            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.ACCEPTED);
        });

        clock.advance(Duration.ofHours(22));
        assertThat(sync.sync()).isEqualTo(new SyncOutcome.Synced(Optional.of(id(old)), id(fresh), "scheduler"));
        assertThat(sync.sync()).isEqualTo(new SyncOutcome.UpToDate(id(fresh)));
        assertThat(sync.status().isHealthy()).isTrue();
    }

    @Test
    void anIncidentRestartsTheWindowOfEveryCommitBeforeIt() {
        ObjectId c1 = repo.commit("main", T0.minus(Duration.ofHours(30)), "looked fine");
        incidents.record(new Incident(IncidentKind.HEARTBEAT_MISSED, T0.minus(Duration.ofHours(1)),
                "control-plane", "haos-primary missed heartbeats for 95 s"));

        assertThat(sync.sync()).isEqualTo(new SyncOutcome.Pending(id(c1), T0.plus(Duration.ofHours(23))));
        assertThat(repo.head("standby")).contains(base);

        clock.advance(Duration.ofHours(23).minusSeconds(1));
        assertThat(sync.sync()).isInstanceOf(SyncOutcome.Pending.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(sync.sync()).isEqualTo(new SyncOutcome.Synced(Optional.of(id(base)), id(c1), "scheduler"));
    }

    @Test
    void incidentsBeforeACommitDoNotDelayIt() {
        incidents.record(new Incident(IncidentKind.FAILOVER, T0.minus(Duration.ofHours(40)), "control-plane",
                "standby promoted"));
        ObjectId c1 = repo.commit("main", T0.minus(Duration.ofHours(25)), "after the failover");

        assertThat(sync.sync()).isEqualTo(new SyncOutcome.Synced(Optional.of(id(base)), id(c1), "scheduler"));
    }

    @Test
    void aFreezeHoldsTheStandbyUntilItExpiresAndIsReportedWithWhoSetIt() {
        ObjectId c1 = repo.commit("main", T0.minus(Duration.ofHours(30)), "eligible");
        SyncFreeze freeze = new SyncFreeze("new Zigbee coordinator", "alice", T0, Optional.of(T0.plus(DAY)));
        sync.freeze(freeze);

        assertThat(sync.sync()).isEqualTo(new SyncOutcome.Frozen(freeze));
        assertThat(repo.head("standby")).contains(base);
        SyncStatus status = sync.status();
        assertThat(status.freeze()).contains(freeze);
        assertThat(status.isHealthy()).isFalse();
        assertThat(recorder.audit).extracting(AuditEntry::action, AuditEntry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sync_freeze", "alice"));

        clock.advance(DAY);
        assertThat(sync.status().freeze()).isEmpty();
        assertThat(sync.sync()).isEqualTo(new SyncOutcome.Synced(Optional.of(id(base)), id(c1), "scheduler"));
    }

    @Test
    void aFreezeIsKeptInTheRepositorySoEveryProcessSeesItUntilThawed() {
        repo.commit("main", T0.minus(Duration.ofHours(30)), "eligible");
        sync.freeze(new SyncFreeze("holiday", "bob", T0, Optional.empty()));

        GitConfigSync other = syncOn(repo.dir());
        assertThat(other.sync()).isInstanceOf(SyncOutcome.Frozen.class);

        other.thaw("carol");
        assertThat(sync.sync()).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(recorder.audit).extracting(AuditEntry::action)
                .containsExactly("sync_freeze", "sync_thaw", "sync");
    }

    @Test
    void forceSyncPassesTheWindowButNotAFreezeAndIsAuditedWithTheActor() {
        ObjectId fresh = repo.commit("main", T0.minus(Duration.ofMinutes(5)), "hotfix");
        SyncFreeze freeze = new SyncFreeze("maintenance", "alice", T0, Optional.empty());
        sync.freeze(freeze);

        assertThat(sync.force("dave", false)).isEqualTo(new SyncOutcome.Frozen(freeze));
        assertThat(repo.head("standby")).contains(base);
        assertThat(sync.force("dave", true))
                .isEqualTo(new SyncOutcome.Synced(Optional.of(id(base)), id(fresh), "dave"));
        assertThat(repo.head("standby")).contains(fresh);

        assertThat(recorder.audit).filteredOn(e -> e.action().equals("sync_force"))
                .extracting(AuditEntry::actor, AuditEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dave", AuditEntry.Outcome.REFUSED),
                        org.assertj.core.groups.Tuple.tuple("dave", AuditEntry.Outcome.ACCEPTED));
        assertThatThrownBy(() -> sync.force(" ", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRewrittenPrimaryIsNotAFastForwardAndBlocksWithAnAlert() {
        ObjectId synced = repo.commit("main", T0.minus(Duration.ofHours(50)), "synced");
        repo.move("standby", synced);
        repo.move("main", base);
        repo.forkTree("main", "main");
        repo.commit("main", T0.minus(Duration.ofHours(40)), "rewritten history");

        SyncOutcome outcome = sync.sync();

        assertThat(outcome).isInstanceOf(SyncOutcome.Blocked.class);
        assertThat(((SyncOutcome.Blocked) outcome).reason()).contains("not a fast-forward", synced.name());
        assertThat(repo.head("standby")).contains(synced);
        assertThat(recorder.alerts).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("sync_blocked");
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @Test
    void aConcurrentWriterHoldingTheStandbyRefBlocksTheSyncAndNothingIsOverwritten() throws Exception {
        repo.commit("main", T0.minus(Duration.ofHours(30)), "eligible");
        Path lock = repo.dir().resolve("refs/heads/standby.lock");
        Files.writeString(lock, base.name() + "\n");

        SyncOutcome outcome = sync.sync();

        assertThat(outcome).isInstanceOf(SyncOutcome.Blocked.class);
        assertThat(((SyncOutcome.Blocked) outcome).reason()).contains("concurrent change of refs/heads/standby");
        assertThat(repo.head("standby")).contains(base);
        assertThat(recorder.alerts).extracting(a -> a.code()).containsExactly("sync_blocked");
        Files.delete(lock);
        assertThat(sync.sync()).isInstanceOf(SyncOutcome.Synced.class);
    }

    @Test
    void forbiddenPathsAreRefusedAndTheAlertNamesThem() {
        repo.commit("main", T0.minus(Duration.ofHours(40)), Map.of(
                ".storage/core.uuid", "{\"data\":{\"uuid\":\"3f1c\"}}",
                "home-assistant_v2.db-wal", "binary",
                "automations.yaml", "[]"));
        Map<String, String> deletion = new java.util.HashMap<>();
        deletion.put(".storage/core.uuid", null);
        ObjectId tip = repo.commit("main", T0.minus(Duration.ofHours(30)), deletion);

        SyncOutcome outcome = sync.force("erin", false);

        assertThat(outcome).isEqualTo(new SyncOutcome.Refused(id(tip),
                java.util.List.of(".storage/core.uuid", "home-assistant_v2.db-wal")));
        assertThat(repo.head("standby")).contains(base);
        assertThat(recorder.alerts).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("sync_forbidden_paths");
            assertThat(a.message()).contains(".storage/core.uuid", "home-assistant_v2.db-wal");
            assertThat(a.details()).containsKeys(".storage/core.uuid", "home-assistant_v2.db-wal");
        });
    }

    @Test
    void secretsWithRealValuesAreRefusedButPlaceholdersPass() {
        ObjectId placeholders = repo.commit("main", T0.minus(Duration.ofHours(40)), Map.of("secrets.yaml",
                "# filled in on each host\nmqtt_password: CHANGEME\napi_key: \"<redacted>\"\nlatitude:\n"));
        assertThat(sync.sync()).isEqualTo(new SyncOutcome.Synced(Optional.of(id(base)), id(placeholders), "scheduler"));

        ObjectId real = repo.commit("main", T0.minus(Duration.ofHours(30)), Map.of("secrets.yaml",
                "mqtt_password: hunter2\napi_key: \"<redacted>\"\n"));
        SyncOutcome outcome = sync.sync();

        assertThat(outcome).isEqualTo(new SyncOutcome.Refused(id(real), java.util.List.of("secrets.yaml")));
        assertThat(recorder.alerts).singleElement().satisfies(a -> {
            assertThat(a.details().get("secrets.yaml")).contains("mqtt_password").doesNotContain("hunter2");
            assertThat(a.message()).doesNotContain("hunter2");
        });
    }

    @Test
    void aMissingStandbyBranchIsCreatedWithTheEligibleCommit() {
        TestRepo fresh = TestRepo.createBare(tmp.resolve("fresh.git"));
        ObjectId c1 = fresh.commit("main", T0.minus(Duration.ofHours(30)), "first");
        fresh.commit("main", T0.minus(Duration.ofHours(1)), "second");

        assertThat(syncOn(fresh.dir()).sync()).isEqualTo(new SyncOutcome.Synced(Optional.empty(), id(c1), "scheduler"));
        assertThat(fresh.head("standby")).contains(c1);
        fresh.close();
    }

    @Test
    void aMissingPrimaryBranchBlocksAndNamesIt() {
        GitConfigSync other = GitConfigSync.custom(repo.dir()).clock(clock).alerts(recorder).audit(recorder)
                .config(SyncConfig.custom().primaryBranch("master").build()).build();

        SyncOutcome outcome = other.sync();

        assertThat(outcome).isEqualTo(new SyncOutcome.Blocked("primary branch refs/heads/master not found in "
                + repo.dir()));
        assertThat(recorder.alerts).extracting(a -> a.code()).containsExactly("sync_blocked");
    }

    @Test
    void aMissingRepositoryBlocksAndTheStatusSaysSo() {
        GitConfigSync missing = syncOn(tmp.resolve("nowhere.git"));

        assertThat(missing.sync()).isEqualTo(new SyncOutcome.Blocked("repository " + tmp.resolve("nowhere.git")
                + " does not exist or is not a directory"));
        SyncStatus status = missing.status();
        assertThat(status.isHealthy()).isFalse();
        assertThat(status.last().orElseThrow().outcome()).isInstanceOf(SyncOutcome.Blocked.class);
    }

    @Test
    void aDirectoryThatIsNotARepositoryBlocks() throws Exception {
        Path junk = Files.createDirectories(tmp.resolve("junk"));
        Files.writeString(junk.resolve("HEAD"), "not a ref");

        SyncOutcome outcome = syncOn(junk).sync();

        assertThat(outcome).isInstanceOf(SyncOutcome.Blocked.class);
        assertThat(((SyncOutcome.Blocked) outcome).reason()).contains("cannot read repository " + junk);
    }

    @Test
    void aCorruptRepositoryWhoseBranchPointsAtAMissingCommitBlocks() throws Exception {
        Files.writeString(repo.dir().resolve("refs/heads/main"), "1234567890123456789012345678901234567890\n");

        SyncOutcome outcome = sync.sync();

        assertThat(outcome).isInstanceOf(SyncOutcome.Blocked.class);
        assertThat(((SyncOutcome.Blocked) outcome).reason()).contains("1234567890123456789012345678901234567890");
        assertThat(repo.head("standby")).contains(base);
    }

    @Test
    void everyOutcomeIsPublishedAsAnEvent() {
        repo.commit("main", T0.minus(Duration.ofHours(1)), "fresh");
        sync.sync();
        clock.advance(DAY);
        sync.sync();
        sync.sync();

        assertThat(recorder.events).extracting(e -> e.outcome().getClass().getSimpleName())
                .containsExactly("Pending", "Synced", "UpToDate");
        assertThat(recorder.events.get(1).at()).isEqualTo(T0.plus(DAY));
        assertThat(sync.status().last()).contains(recorder.events.get(2));
    }
}

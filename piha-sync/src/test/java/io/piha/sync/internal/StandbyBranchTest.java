package io.piha.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.sync.CommitId;
import io.piha.api.sync.SyncOutcome;
import io.piha.testkit.git.TestRepo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StandbyBranchTest {

    private static final Instant T = Instant.parse("2026-05-01T00:00:00Z");
    private static final String REF = "refs/heads/standby";

    @TempDir
    Path tmp;

    @Test
    void aStaleExpectedIdIsAConcurrentChangeAndLeavesTheBranchAlone() {
        try (TestRepo repo = TestRepo.createBare(tmp.resolve("r.git"));
             RevWalk walk = new RevWalk(repo.repository())) {
            ObjectId a = repo.commit("main", T, "a");
            ObjectId b = repo.commit("main", T.plusSeconds(1), "b");
            ObjectId c = repo.commit("main", T.plusSeconds(2), "c");
            repo.move("standby", b);

            SyncOutcome outcome = StandbyBranch.moveTo(repo.repository(), walk, REF, Optional.of(a), c, "test", T);

            assertThat(outcome).isInstanceOf(SyncOutcome.Blocked.class);
            assertThat(((SyncOutcome.Blocked) outcome).reason()).contains("concurrent change", a.name());
            assertThat(repo.head("standby")).contains(b);
        }
    }

    @Test
    void aTargetThatIsNotADescendantIsRejectedAsNotAFastForward() {
        try (TestRepo repo = TestRepo.createBare(tmp.resolve("r.git"));
             RevWalk walk = new RevWalk(repo.repository())) {
            ObjectId a = repo.commit("main", T, "a");
            ObjectId b = repo.commit("main", T.plusSeconds(1), "b");
            repo.move("standby", b);

            SyncOutcome outcome = StandbyBranch.moveTo(repo.repository(), walk, REF, Optional.of(b), a, "test", T);

            assertThat(outcome).isInstanceOf(SyncOutcome.Blocked.class);
            assertThat(((SyncOutcome.Blocked) outcome).reason()).startsWith("not a fast-forward");
            assertThat(repo.head("standby")).contains(b);
        }
    }

    @Test
    void anAbsentBranchIsCreatedOnlyWhenExpectedAbsent() {
        try (TestRepo repo = TestRepo.createBare(tmp.resolve("r.git"));
             RevWalk walk = new RevWalk(repo.repository())) {
            ObjectId a = repo.commit("main", T, "a");

            assertThat(StandbyBranch.moveTo(repo.repository(), walk, REF, Optional.of(a), a, "test", T))
                    .isInstanceOf(SyncOutcome.Blocked.class);
            assertThat(StandbyBranch.moveTo(repo.repository(), walk, REF, Optional.empty(), a, "test", T))
                    .isEqualTo(new SyncOutcome.Synced(Optional.empty(), new CommitId(a.name()), "test"));
            assertThat(StandbyBranch.moveTo(repo.repository(), walk, REF, Optional.empty(), a, "test", T))
                    .isInstanceOf(SyncOutcome.Blocked.class);
        }
    }

    @ParameterizedTest
    @EnumSource(RefUpdate.Result.class)
    void everyJGitResultIsMappedAndOnlyNewOrFastForwardCountAsAMove(RefUpdate.Result result) {
        ObjectId old = ObjectId.fromString("1111111111111111111111111111111111111111");
        ObjectId target = ObjectId.fromString("2222222222222222222222222222222222222222");

        SyncOutcome outcome = StandbyBranch.outcome(result, REF, Optional.of(old), target, "test");

        boolean moved = result == RefUpdate.Result.NEW || result == RefUpdate.Result.FAST_FORWARD;
        assertThat(outcome instanceof SyncOutcome.Synced).isEqualTo(moved);
        if (!moved && result != RefUpdate.Result.NO_CHANGE) {
            assertThat(outcome).isInstanceOf(SyncOutcome.Blocked.class);
            assertThat(((SyncOutcome.Blocked) outcome).reason()).contains(REF, target.name());
        }
    }
}

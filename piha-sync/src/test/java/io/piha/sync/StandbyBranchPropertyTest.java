package io.piha.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.sync.Incident;
import io.piha.api.sync.IncidentKind;
import io.piha.api.sync.SyncFreeze;
import io.piha.api.sync.SyncOutcome;
import io.piha.testkit.ManualClock;
import io.piha.testkit.git.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The same invariant as the decision's property, end to end on a real repository: whatever happens (commits,
 * incidents, freezes, thaws, forced syncs, time passing), the standby branch only moves forward, and only
 * to a commit that satisfied the window and freeze rules at that moment.
 */
class StandbyBranchPropertyTest {

    private static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(24);

    @Property(tries = 25)
    void theStandbyBranchOnlyMovesForwardToCommitsThatSatisfiedTheRulesAtTheTime(
            @ForAll("steps") @Size(min = 5, max = 30) List<Integer> steps) throws IOException {
        Path dir = Files.createTempDirectory("piha-sync-prop");
        try (TestRepo repo = TestRepo.createBare(dir.resolve("r.git"))) {
            run(repo, steps);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> steps() {
        return Arbitraries.integers().between(0, 99).list();
    }

    private void run(TestRepo repo, List<Integer> steps) throws IOException {
        ManualClock clock = new ManualClock(T0);
        InMemoryIncidentLog incidents = new InMemoryIncidentLog();
        List<Instant> incidentTimes = new ArrayList<>();
        GitConfigSync sync = GitConfigSync.custom(repo.dir()).clock(clock).incidents(incidents)
                .alerts(a -> { }).audit(e -> { }).build();
        Map<ObjectId, Instant> commitTimes = new HashMap<>();
        ObjectId base = repo.commit("main", T0.minus(Duration.ofDays(5)), "base");
        repo.move("standby", base);
        boolean frozen = false;
        int n = 0;
        int moves = 0;
        for (int step : steps) {
            Instant now = clock.instant();
            if (step < 30) {
                Instant when = now.minus(Duration.ofHours(step));
                commitTimes.put(repo.commit("main", when, "c" + n++), when);
            } else if (step < 40) {
                incidents.record(new Incident(IncidentKind.PROBE_FAILURE, now, "prop", "probe failed"));
                incidentTimes.add(now);
            } else if (step < 45) {
                sync.freeze(new SyncFreeze("prop", "prop", now, Optional.empty()));
                frozen = true;
            } else if (step < 50) {
                sync.thaw("prop");
                frozen = false;
            } else if (step < 75) {
                clock.advance(Duration.ofHours(step - 49));
            } else {
                boolean forced = step >= 95;
                ObjectId before = repo.head("standby").orElseThrow();
                SyncOutcome outcome = forced ? sync.force("prop", false) : sync.sync();
                ObjectId after = repo.head("standby").orElseThrow();
                if (!after.equals(before)) {
                    moves++;
                    assertThat(outcome).isInstanceOf(SyncOutcome.Synced.class);
                    assertThat(frozen).as("moved while frozen").isFalse();
                    assertThat(isAncestor(repo, before, after)).as("moved forward").isTrue();
                    if (!forced) {
                        assertThat(satisfiedWindow(commitTimes.get(after), incidentTimes, now))
                                .as("window satisfied").isTrue();
                    }
                }
            }
        }
        Statistics.label("standby moved").collect(moves > 0);
    }

    private static boolean satisfiedWindow(Instant committed, List<Instant> incidents, Instant now) {
        return !committed.plus(WINDOW).isAfter(now) && incidents.stream().noneMatch(i ->
                !i.isBefore(committed) && !i.isAfter(now) && i.isAfter(now.minus(WINDOW)));
    }

    private static boolean isAncestor(TestRepo repo, ObjectId older, ObjectId newer) throws IOException {
        try (RevWalk walk = new RevWalk(repo.repository())) {
            RevCommit o = walk.parseCommit(older);
            RevCommit n = walk.parseCommit(newer);
            return walk.isMergedInto(o, n);
        }
    }
}

package io.piha.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.sync.CommitId;
import io.piha.api.sync.SyncFreeze;
import io.piha.api.sync.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Runs the decision over random histories, incidents, freezes and ticks, checking every move against an
 * oracle written independently of {@link SyncPolicy#eligibleAt}.
 */
class SyncPolicyPropertyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Property
    void standbyOnlyMovesForwardAndOnlyToCommitsThatSatisfiedWindowAndFreezeAtTheTime(
            @ForAll @Size(min = 2, max = 25) List<@IntRange(min = -60, max = 600) Integer> commitGapsMinutes,
            @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 6000) Integer> incidentMinutes,
            @ForAll @IntRange(min = 0, max = 1440) int windowMinutes,
            @ForAll @IntRange(min = 0, max = 6000) int freezeStartMinutes,
            @ForAll @IntRange(min = 0, max = 3000) int freezeLengthMinutes,
            @ForAll boolean withFreeze,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 400) Integer> tickGapsMinutes,
            @ForAll @Size(min = 40, max = 40) List<Boolean> forcedAtTick) {

        List<Candidate> commits = history(commitGapsMinutes);
        List<Instant> incidents = incidentMinutes.stream().map(m -> T0.plus(Duration.ofMinutes(m))).toList();
        Duration window = Duration.ofMinutes(windowMinutes);
        Instant freezeStart = T0.plus(Duration.ofMinutes(freezeStartMinutes));
        Optional<SyncFreeze> freeze = withFreeze
                ? Optional.of(new SyncFreeze("risky week", "alice", freezeStart,
                        Optional.of(freezeStart.plus(Duration.ofMinutes(freezeLengthMinutes)))))
                : Optional.empty();
        SyncPolicy policy = new SyncPolicy(window);

        int standby = 0;
        Instant clock = T0;
        for (int tick = 0; tick < tickGapsMinutes.size(); tick++) {
            clock = clock.plus(Duration.ofMinutes(tickGapsMinutes.get(tick)));
            Instant now = clock;
            SyncMode mode = forcedAtTick.get(tick) && tick % 5 == 0 ? SyncMode.FORCED : SyncMode.SCHEDULED;
            List<Candidate> ahead = ahead(commits, standby, now);
            Optional<Instant> latest = latestIncident(incidents, now);
            SyncPolicy.Decision d = policy.decide(new SyncPolicy.Facts(Optional.of(commits.get(standby).id()),
                    ahead, latest, freeze, now, mode));

            boolean frozen = freeze.map(f -> f.isActiveAt(now)).orElse(false);
            if (d instanceof SyncPolicy.Decision.Move move) {
                int target = commits.indexOf(move.target());
                assertThat(target).as("moves forward only").isGreaterThan(standby);
                assertThat(frozen).as("never moves while frozen").isFalse();
                if (mode == SyncMode.SCHEDULED) {
                    assertThat(eligible(move.target(), incidents, window, now)).as("window satisfied").isTrue();
                    for (Candidate newer : ahead.subList(0, ahead.indexOf(move.target()))) {
                        assertThat(eligible(newer, incidents, window, now)).as("newest eligible chosen").isFalse();
                    }
                } else {
                    assertThat(move.target()).as("forced sync takes the newest").isEqualTo(ahead.get(0));
                }
                standby = target;
            } else {
                SyncOutcome outcome = ((SyncPolicy.Decision.Stay) d).outcome();
                if (frozen) {
                    assertThat(outcome).isInstanceOf(SyncOutcome.Frozen.class);
                } else if (ahead.isEmpty()) {
                    assertThat(outcome).isEqualTo(new SyncOutcome.UpToDate(commits.get(standby).id()));
                } else {
                    assertThat(outcome).isInstanceOf(SyncOutcome.Pending.class);
                    assertThat(ahead).noneMatch(c -> eligible(c, incidents, window, now));
                    assertThat(((SyncOutcome.Pending) outcome).eligibleAt()).isAfter(now);
                }
            }
        }
    }

    /** The rule in words: a whole window old, and no incident since the commit within the last window. */
    private static boolean eligible(Candidate c, List<Instant> incidents, Duration window, Instant now) {
        boolean oldEnough = !c.time().plus(window).isAfter(now);
        boolean quietSince = incidents.stream().noneMatch(i ->
                !i.isBefore(c.time()) && !i.isAfter(now) && i.isAfter(now.minus(window)));
        return oldEnough && quietSince;
    }

    private static List<Candidate> history(List<Integer> gaps) {
        List<Candidate> commits = new ArrayList<>();
        Instant t = T0.minus(Duration.ofDays(3));
        for (int i = 0; i < gaps.size(); i++) {
            t = t.plus(Duration.ofMinutes(gaps.get(i)));
            commits.add(new Candidate(id(i), t));
        }
        return commits;
    }

    /** Commits pushed by {@code now}: a prefix of the history whose times have all come (times may jitter). */
    private static List<Candidate> ahead(List<Candidate> commits, int standby, Instant now) {
        int pushed = 0;
        while (pushed < commits.size() && !commits.get(pushed).time().isAfter(now)) {
            pushed++;
        }
        List<Candidate> ahead = new ArrayList<>();
        for (int i = pushed - 1; i > standby; i--) {
            ahead.add(commits.get(i));
        }
        return ahead;
    }

    private static Optional<Instant> latestIncident(List<Instant> incidents, Instant now) {
        return incidents.stream().filter(i -> !i.isAfter(now)).max(Instant::compareTo);
    }

    private static CommitId id(int i) {
        byte[] bytes = new byte[20];
        bytes[16] = (byte) (i >> 24);
        bytes[17] = (byte) (i >> 16);
        bytes[18] = (byte) (i >> 8);
        bytes[19] = (byte) i;
        return new CommitId(HexFormat.of().formatHex(bytes));
    }
}

package io.piha.core.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Liveness beyond what the issue asks, where the exploration finds the machines wanting: kept failing and disabled,
 * with the shortest trace found, until the arbiter is changed (reported to the lead).
 */
class LivenessFindingsTest {

    private static Explorer.Result explore(Model model, Set<Integer> dead, boolean operatorPromotes, int depth) {
        Liveness liveness = new Liveness(model, ExhaustiveExplorationTest.LIVENESS_BOUND, dead, operatorPromotes);
        return new Explorer(model, liveness).explore(Scenarios.seeds(model, ExhaustiveExplorationTest.BUDGET), depth);
    }

    private static String timelines(Model model, Explorer.Result r) {
        return r.found().values().stream().map(f -> f.broken() + "\n" + Timeline.of(model, f.path(), f.fairRun()))
                .collect(Collectors.joining("\n\n"));
    }

    @Test
    @Disabled("finding F1: after a failover the standby leads; its agent restarts (it is a standby again, so it cannot "
            + "acknowledge a demote); an operator promotes the dead primary: the arbiter asks the standby to step down, "
            + "gets no acknowledgement within 2 s, fences the standby (the only live host) and grants the dead primary; "
            + "after three promotes it probes the standby, finds it off by its own fence, and blocks for good. A manual "
            + "promote does not probe its candidate before fencing the holder (the automatic failover does)")
    void anOperatorsPromoteOfADeadHostNeverLeavesTheHomeWithoutALeader() {
        Model model = Scenarios.real();
        Explorer.Result r = explore(model, Set.of(0), true, 4);
        assertThat(r.found()).as(() -> timelines(model, r)).isEmpty();
    }

    @Test
    @Disabled("finding F2: the primary hangs; the arbiter finds it dead and probes the standby (up); meanwhile the "
            + "primary resumes and the standby hangs; the arbiter fences the primary and grants the hung standby; after "
            + "three promotes it probes the primary, finds it off by its own fence, and blocks with CRITICAL alerts "
            + "for good: a host the arbiter fenced is never powered on again, even when its replacement dies")
    void eitherHostDeadForGoodIsReplacedByTheOther() {
        Model model = Scenarios.real();
        Explorer.Result r = explore(model, Set.of(0, 1), false, 6);
        assertThat(r.found()).as(() -> timelines(model, r)).isEmpty();
    }
}

package io.piha.core.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every interleaving of deliveries, losses, duplicates, timers, crashes, hangs, switch outcomes and operator commands,
 * to a depth, over the real node and arbiter machines: no rule is broken. The depth is {@code piha.explore.depth}
 * (10 by default; the {@code exhaustive} Maven profile goes deeper).
 */
class ExhaustiveExplorationTest {

    static final Budget BUDGET = new Budget(1, 1);

    @Test
    void everyInterleavingKeepsTheLeadershipInvariants() {
        int depth = Integer.getInteger("piha.explore.depth", 10);
        Budget budget = new Budget(BUDGET.operator(), Integer.getInteger("piha.explore.faults", BUDGET.faults()));
        Model model = Scenarios.real();
        List<Explorer.Seed> seeds = Scenarios.seeds(model, budget);
        Explorer.Result r = new Explorer(model, new Liveness(model, 80, Set.of(0), false)).explore(seeds, depth);
        System.out.println("exhaustive exploration: " + r);
        assertThat(r.found()).as(() -> r.found().values().stream().map(f -> f.broken() + "\n"
                + Timeline.of(model, f.path(), f.fairRun())).collect(Collectors.joining("\n\n"))).isEmpty();
    }
}

package io.piha.core.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.core.arbiter.Phase;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every interleaving of deliveries, timers, switch outcomes and operator commands, with every placement of the faults
 * the budget allows (reordering, loss, duplication, lateness, control-plane crashes between persisting and acting,
 * agent restarts, hangs, switch failures), to a depth from each seed, over the real node and arbiter machines: no
 * rule is broken, and every phase of the arbiter is reached. The depth is {@code piha.explore.depth} (10 by default;
 * the {@code exhaustive} Maven profile goes to 16), the fault budget {@code piha.explore.faults} (1 by default).
 * Figures: docs/safety.md, "How it is proven".
 */
class ExhaustiveExplorationTest {

    /** One operator command and one fault per history. */
    static final Budget BUDGET = new Budget(1, 1);
    /** Fair steps allowed for a dead primary to be replaced; the longest needed is reported. */
    static final int LIVENESS_BOUND = 80;

    @Test
    void everyInterleavingKeepsTheLeadershipInvariantsAndReplacesADeadPrimary() {
        int depth = Integer.getInteger("piha.explore.depth", 10);
        Budget budget = new Budget(BUDGET.operator(), Integer.getInteger("piha.explore.faults", BUDGET.faults()));
        Model model = Scenarios.real();
        List<Explorer.Seed> seeds = Scenarios.seeds(model, budget);

        Explorer.Result r = new Explorer(model, new Liveness(model, LIVENESS_BOUND, Set.of(0), false))
                .explore(seeds, depth);

        System.out.println("exhaustive exploration (" + budget + "): " + r);
        assertThat(r.found()).as(() -> r.found().values().stream().map(f -> f.broken() + "\n"
                + Timeline.of(model, f.path(), f.fairRun())).collect(Collectors.joining("\n\n"))).isEmpty();
        assertThat(r.phases()).as("every phase of the arbiter is reached").containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Phase.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
    }
}

package io.piha.core.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.CommandVerb;
import io.piha.core.Decision;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterMachine;
import io.piha.core.arbiter.ArbiterState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The exploration can fail: an arbiter that skips the fence on a manual promote is caught with the overlap's trace.
 * From the settled home, with the budget of the CI exploration, to depth {@value #DEPTH}: a manual promote takes 13
 * choices from the operator's command to the new holder acting (every message goes its own way).
 */
class ExplorerFindsAMutantTest {

    static final int DEPTH = 14;

    /**
     * The real arbiter, except that it decides an operator's promote as if nobody held the lease and nobody had
     * announced a leader: the hand-over finds no holder to demote or fence, and grants at once.
     */
    static ArbiterDecider skipsFencingOnManualPromote(ArbiterMachine real) {
        return new ArbiterDecider() {
            @Override
            public Decision<ArbiterState, ArbiterEffect> decide(ArbiterState s, ArbiterInput input, Instant now) {
                boolean promote = input instanceof ArbiterInput.CommandObserved c
                        && c.command().verb() == CommandVerb.PROMOTE;
                if (!promote) {
                    return real.decide(s, input, now);
                }
                ArbiterState forgetful = new ArbiterState(s.phase(), Optional.empty(), s.epoch(), s.lastHeartbeat(),
                        s.watchSince(), s.frozen(), s.lastFailover(), s.commandSeq(), s.hosts(), s.leaseRenewedAt(),
                        s.seen(), s.remindAt(), s.connected(), Optional.empty());
                return real.decide(forgetful, input, now);
            }

            @Override
            public Optional<Instant> nextWakeUp(ArbiterState s) {
                return real.nextWakeUp(s);
            }
        };
    }

    /** Every interleaving from the settled home, with the budget of the CI exploration, until {@code enough} broke. */
    private static Explorer.Result fromTheSettledHome(Model model, Set<String> enough) {
        Explorer.Seed home = Scenarios.settled(model);
        List<Explorer.Seed> seed = List.of(new Explorer.Seed(home.world().withBudget(ExhaustiveExplorationTest.BUDGET),
                home.path()));
        Liveness liveness = new Liveness(model, ExhaustiveExplorationTest.LIVENESS_BOUND, Set.of(0), false);
        return new Explorer(model, liveness).explore(seed, DEPTH, enough);
    }

    @Test
    void anArbiterThatSkipsFencingOnAManualPromoteLetsTwoHostsActAndTheExplorerPrintsHow() {
        Model model = Scenarios.around(skipsFencingOnManualPromote(new ArbiterMachine(Scenarios.policy())));

        Explorer.Result r = fromTheSettledHome(model, Set.of(Invariants.ONE_ACTS));

        assertThat(r.found()).containsKeys(Invariants.ONE_ACTS, Invariants.GRANT_AFTER_HANDOVER);
        Explorer.Found overlap = r.found().get(Invariants.ONE_ACTS);
        String timeline = Timeline.of(model, overlap.path(), List.of());
        System.out.println("the mutant's overlap, found at depth " + overlap.path().depth() + " (" + r + "):\n"
                + overlap.broken().detail() + "\n" + timeline);
        String last = timeline.lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).contains("haos-primary leader@1").contains("ha-standby leader@2");
        assertThat(last.split("ACTING", -1)).as(last).hasSize(3);
    }

    @Test
    void theRealArbiterKeepsTheSameHomeSafe() {
        Model model = Scenarios.real();

        Explorer.Result r = fromTheSettledHome(model, Set.of());

        System.out.println("the real arbiter from the settled home: " + r);
        assertThat(r.found()).isEmpty();
    }
}

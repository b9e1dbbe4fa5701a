package io.piha.core.explore;

import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.explore.Choice.PowerOutcome;
import io.piha.core.explore.Choice.Recipient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A fair schedule: nothing is lost and nothing waits while something else can happen. The control plane carries out
 * what it asked for, every message in flight is delivered (oldest first), every due timer fires, and only then does
 * time advance. The switch obeys, except that a host dead for good stays dead when cycled; with {@code switchFails}
 * it fails every action (a scripted seed, never a liveness check).
 */
final class FairScheduler {

    private final Model model;
    private final Set<Integer> deadForGood;
    private final boolean switchFails;

    FairScheduler(Model model, Set<Integer> deadForGood, boolean switchFails) {
        this.model = model;
        this.deadForGood = Set.copyOf(deadForGood);
        this.switchFails = switchFails;
    }

    /** The next fair choice; empty if nothing can happen any more. */
    Optional<Choice> next(World w) {
        if (!w.pending().isEmpty()) {
            return Optional.of(new Choice.CarryOut(outcomes(w)));
        }
        if (!w.toArbiter().isEmpty()) {
            return Optional.of(new Choice.Deliver(Recipient.ARBITER, 0, false));
        }
        for (int i = 0; i < 2; i++) {
            if (!w.inboxOf(i).isEmpty()) {
                return Optional.of(new Choice.Deliver(Recipient.of(i), 0, false));
            }
        }
        if (model.decider().nextWakeUp(w.arbiter()).filter(t -> !t.isAfter(w.now())).isPresent()) {
            return Optional.of(new Choice.FireArbiterTimer());
        }
        for (int i = 0; i < 2; i++) {
            World.Host h = w.host(i);
            if (h.answers() && h.heartbeatAt().filter(t -> !t.isAfter(w.now())).isPresent()) {
                return Optional.of(new Choice.FireHeartbeat(i));
            }
        }
        return model.nextDeadline(w).map(t -> new Choice.Advance(false));
    }

    private List<PowerOutcome> outcomes(World w) {
        List<PowerOutcome> out = new ArrayList<>();
        for (ArbiterEffect e : w.pending()) {
            if (e instanceof ArbiterEffect.Power p) {
                boolean dead = deadForGood.contains(model.indexOf(p.host()));
                boolean staysDead = dead && p.action() == ArbiterEffect.PowerAction.CYCLE;
                out.add(switchFails ? PowerOutcome.FAILS : staysDead ? PowerOutcome.STAYS_DEAD : PowerOutcome.OBEYS);
            }
        }
        return out;
    }
}

package io.piha.core.explore;

import io.piha.core.Decision;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterMachine;
import io.piha.core.arbiter.ArbiterState;
import java.time.Instant;
import java.util.Optional;

/** The arbiter under exploration: the real {@link ArbiterMachine}, or a mutant of it that must be caught. */
interface ArbiterDecider {

    Decision<ArbiterState, ArbiterEffect> decide(ArbiterState state, ArbiterInput input, Instant now);

    Optional<Instant> nextWakeUp(ArbiterState state);

    /** The real machine. */
    static ArbiterDecider of(ArbiterMachine machine) {
        return new ArbiterDecider() {
            @Override
            public Decision<ArbiterState, ArbiterEffect> decide(ArbiterState state, ArbiterInput input, Instant now) {
                return machine.decide(state, input, now);
            }

            @Override
            public Optional<Instant> nextWakeUp(ArbiterState state) {
                return machine.nextWakeUp(state);
            }
        };
    }
}

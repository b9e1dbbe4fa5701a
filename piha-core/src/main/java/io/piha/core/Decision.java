package io.piha.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of one step of a state machine: the new state, the effects the edge must carry out (in
 * order), and whether the input was accepted.
 *
 * @param state the state after the step (the same instance as before for a rejected input)
 * @param effects what to do, in order
 * @param verdict accepted or rejected, with the reason
 * @param <S> the state type
 * @param <E> the effect type
 * @since 0.1
 */
public record Decision<S, E>(S state, List<E> effects, Verdict verdict) {

    /** @throws NullPointerException if a component is null */
    public Decision {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(verdict, "verdict");
        effects = List.copyOf(effects);
    }

    /** Whether the input was accepted. */
    public boolean accepted() {
        return verdict.isAccepted();
    }

    /** The effects of a given type, in order. */
    public <T extends E> List<T> effectsOf(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (E e : effects) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }
}

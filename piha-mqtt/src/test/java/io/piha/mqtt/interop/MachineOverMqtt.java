package io.piha.mqtt.interop;

import io.piha.api.leadership.LeadershipBus;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ServiceName;
import io.piha.core.Decision;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The thinnest possible edge around a core state machine: messages from a real bus become inputs,
 * decisions are recorded, and the effects that publish are published on the same bus. What a
 * production agent or control plane does, minus probes, power and timers.
 *
 * @param <S> state
 * @param <I> input
 * @param <E> effect
 */
final class MachineOverMqtt<S, I, E> implements LeadershipListener, AutoCloseable {

    /** How a machine decides. */
    @FunctionalInterface
    interface Decider<S, I, E> {
        Decision<S, E> decide(S state, I input, java.time.Instant now);
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LeadershipBus bus;
    private final Clock clock;
    private final Decider<S, I, E> machine;
    private final Function<LeadershipMessage, Optional<I>> inputOf;
    private final Function<E, Optional<LeadershipMessage>> publicationOf;
    private final BlockingQueue<Decision<S, E>> decisions = new LinkedBlockingQueue<>();
    final List<Decision<S, E>> history = new CopyOnWriteArrayList<>();
    private final LeadershipBus.Subscription subscription;
    private S state;

    MachineOverMqtt(LeadershipBus bus, ServiceName service, Clock clock, S initial, Decider<S, I, E> machine,
                    Function<LeadershipMessage, Optional<I>> inputOf,
                    Function<E, Optional<LeadershipMessage>> publicationOf) {
        this.bus = bus;
        this.clock = clock;
        this.state = initial;
        this.machine = machine;
        this.inputOf = inputOf;
        this.publicationOf = publicationOf;
        this.subscription = bus.subscribe(service, this);
    }

    @Override
    public void onMessage(LeadershipMessage message) {
        inputOf.apply(message).ifPresent(this::apply);
    }

    /** Feeds one input (a tick, a probe answer) as the edge would. */
    synchronized Decision<S, E> apply(I input) {
        Decision<S, E> d = machine.decide(state, input, clock.instant());
        state = d.state();
        history.add(d);
        decisions.add(d);
        for (E effect : d.effects()) {
            publicationOf.apply(effect).ifPresent(bus::publish);
        }
        return d;
    }

    synchronized S state() {
        return state;
    }

    /** The next decision matching {@code test}, skipping others; fails after 10 s. */
    Decision<S, E> next(Predicate<Decision<S, E>> test) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                Decision<S, E> d = decisions.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (d == null) {
                    throw new AssertionError("no matching decision within " + WAIT + "; history: " + history);
                }
                if (test.test(d)) {
                    return d;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}

package io.piha.core;

import static io.piha.core.Homes.PRIMARY;
import static io.piha.core.Homes.STANDBY;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.HostId;
import io.piha.core.simulation.Estate;
import io.piha.core.simulation.EstateSettings;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random histories of a home: heartbeat loss, operator commands, probes and PoE outcomes, clock skew, restarts,
 * control-plane crashes between persisting a decision and acting on it, hosts cut from the broker for a while, and a
 * bus that delays, reorders, duplicates and loses. Every safety invariant, across epochs, is checked in
 * {@value #SAFETY_TRIES} histories (one property, so each history checks them all; a failure names the invariant);
 * liveness has its own property at jqwik's default tries (see {@code junit-platform.properties}).
 */
class LeadershipProperties {

    static final int SAFETY_TRIES = 10_000;

    /** A home under test and the checker watching it. */
    static final class World {
        final InvariantChecker checker = new InvariantChecker();
        final Recorder recorder = new Recorder();
        final Estate estate;

        World(long seed, int maxDelayMillis, double duplicates) {
            this(seed, maxDelayMillis, duplicates, 0, 0);
        }

        /** With constant clock offsets: a lease counts on a host's monotonic clock, which an offset does not change. */
        World(long seed, int maxDelayMillis, double duplicates, int primarySkew, int standbySkew) {
            EstateSettings settings = EstateSettings.ofDefaults().withChaos(Duration.ofMillis(maxDelayMillis), duplicates, seed);
            estate = new Estate(Homes.policy(), settings, Homes.T0).observe(checker).observe(recorder);
            checker.watch(estate);
            estate.skewClock(PRIMARY, Duration.ofSeconds(primarySkew));
            estate.skewClock(STANDBY, Duration.ofSeconds(standbySkew));
            estate.operator(Homes.command(CommandVerb.PROMOTE, PRIMARY));
            estate.advance(Duration.ofSeconds(10));
        }

        @Override
        public String toString() {
            return "home at " + estate.now() + " leaders " + estate.actingLeaders();
        }
    }

    @Provide
    Arbitrary<ActionChain<World>> histories() {
        Arbitrary<Integer> skews = Arbitraries.integers().between(-180, 180);
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 3000),
                        Arbitraries.doubles().between(0, 0.3), skews, skews).as(WorldSpec::new)
                .flatMap(w -> ActionChain.startWith(w::build)
                        .withAction(4, action(timePasses()))
                        .withAction(2, action(hostFails()))
                        .withAction(1, action(hostRepaired()))
                        .withAction(1, action(powerCycleHelps()))
                        .withAction(2, action(operatorCommands()))
                        .withAction(1, action(restarts()))
                        .withAction(1, action(crashPoints()))
                        .withAction(1, action(switchFails()))
                        .withAction(1, action(messageLoss()))
                        .withAction(2, action(partitions()))
                        .withMaxTransformations(40));
    }

    private static Action.Independent<World> action(Arbitrary<Transformer<World>> transformers) {
        return () -> transformers;
    }

    private record WorldSpec(long seed, int delay, double duplicates, int primarySkew, int standbySkew) {
        World build() {
            return new World(seed, delay, duplicates, primarySkew, standbySkew);
        }
    }

    private static Arbitrary<HostId> hosts() {
        return Arbitraries.of(PRIMARY, STANDBY);
    }

    private static Arbitrary<Transformer<World>> timePasses() {
        return Arbitraries.integers().between(1, 400).map(s -> Transformer.mutate("advance " + s + " s",
                w -> w.estate.advance(Duration.ofSeconds(s))));
    }

    private static Arbitrary<Transformer<World>> hostFails() {
        return hosts().map(h -> Transformer.mutate("kill " + h, w -> w.estate.kill(h)));
    }

    private static Arbitrary<Transformer<World>> hostRepaired() {
        return hosts().map(h -> Transformer.mutate("repair " + h, w -> w.estate.repair(h)));
    }

    private static Arbitrary<Transformer<World>> powerCycleHelps() {
        return hosts().flatMap(h -> Arbitraries.of(true, false).map(b -> Transformer.mutate(
                "power-cycle " + (b ? "revives " : "does not revive ") + h, w -> w.estate.recoversOnPowerCycle(h, b))));
    }

    private static Arbitrary<Transformer<World>> operatorCommands() {
        Arbitrary<Command> commands = Arbitraries.of(CommandVerb.values()).flatMap(verb -> Arbitraries.oneOf(
                Arbitraries.just(Command.plain(verb)),
                Arbitraries.of(PRIMARY, STANDBY, HostId.of("toaster")).map(t -> Homes.command(verb, t))));
        return commands.map(c -> Transformer.mutate("operator " + c.describe(), w -> w.estate.operator(c)));
    }

    private static Arbitrary<Transformer<World>> restarts() {
        return Arbitraries.oneOf(
                Arbitraries.just(Transformer.<World>mutate("restart control plane", w -> w.estate.restartArbiter())),
                hosts().map(h -> Transformer.<World>mutate("restart agent on " + h, w -> w.estate.restartAgent(h))));
    }

    private static Arbitrary<Transformer<World>> crashPoints() {
        return Arbitraries.just(Transformer.mutate("control plane crashes between persisting and acting",
                w -> w.estate.crashArbiterAtNextDecision()));
    }

    private static Arbitrary<Transformer<World>> messageLoss() {
        return Arbitraries.of(0.0, 0.05, 0.3, 1.0).map(p -> Transformer.mutate("broker loses " + p + " of deliveries",
                w -> w.estate.loseMessages(p)));
    }

    private static Arbitrary<Transformer<World>> partitions() {
        return hosts().flatMap(h -> Arbitraries.of(true, false).map(cut -> Transformer.mutate(
                (cut ? "cut " : "reconnect ") + h + (cut ? " from" : " to") + " the broker",
                w -> w.estate.partition(h, cut))));
    }

    private static Arbitrary<Transformer<World>> switchFails() {
        return Arbitraries.of(true, false).map(b -> Transformer.mutate("PoE switch " + (b ? "fails" : "works"),
                w -> w.estate.poeFailing(b)));
    }

    /**
     * At no instant do two powered hosts act, across epochs; at most one node leads per epoch; epochs strictly
     * increase; a node with a stale epoch never passes the gate; while frozen no automatic promotion happens; every
     * transition is audited.
     */
    @Property(tries = SAFETY_TRIES)
    void everySafetyInvariantHoldsInEveryHistory(@ForAll("histories") ActionChain<World> chain) {
        for (String invariant : InvariantChecker.safetyInvariants()) {
            chain = chain.withInvariant(invariant, w -> assertThat(w.checker.violationsOf(invariant))
                    .as("%s%n%s", invariant, w.recorder.trace).isEmpty());
        }
        chain.run();
    }

    /**
     * Liveness: with the primary dead for good, a healthy standby and nothing frozen, the standby leads
     * within heartbeat timeout + power-cycle + recovery wait + 10 s of the primary's death.
     */
    @Property
    void aDeadPrimaryIsReplacedWithinTheTimeoutPlusRecoveryWait(@ForAll long seed,
                                                                 @ForAll @IntRange(min = 0, max = 2000) int delayMillis,
                                                                 @ForAll @DoubleRange(min = 0, max = 0.3) double duplicates,
                                                                 @ForAll @IntRange(min = 0, max = 600) int deathAfter) {
        World w = new World(seed, delayMillis, duplicates);
        Estate home = w.estate;
        home.advance(Duration.ofSeconds(deathAfter));
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        var p = home.policy();
        Duration bound = p.heartbeatTimeout().plus(Duration.ofSeconds(5)).plus(p.recoveryWait()).plusSeconds(10);

        home.advance(bound);

        assertThat(home.actingLeaders()).containsExactly(STANDBY);
    }
}

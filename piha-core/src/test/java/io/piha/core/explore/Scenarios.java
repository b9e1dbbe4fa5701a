package io.piha.core.explore;

import static io.piha.core.Homes.PRIMARY;
import static io.piha.core.Homes.STANDBY;

import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.ParticipantKind;
import io.piha.core.Homes;
import io.piha.core.arbiter.ArbiterMachine;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.Phase;
import io.piha.core.arbiter.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The explored home: two agents and a control plane with small timings (1 s heartbeats, 3 s timeout, 3 s leases),
 * so that a few steps of abstract time cover a whole failover; and the seeds the exploration starts from: every
 * situation of the fair runs that settle the home and then take it through each way leadership moves.
 */
final class Scenarios {

    static final Instant T0 = Homes.T0;
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** Enough for any scripted run and any replay: scripted faults do not count against an exploration's budget. */
    static final Budget UNLIMITED = new Budget(1000, 1000);
    private static final int SCRIPT_LIMIT = 120;

    private Scenarios() {
    }

    static ArbiterPolicy policy() {
        Topology agents = new Topology(PRIMARY, STANDBY, Map.of(PRIMARY, ParticipantKind.AGENT, STANDBY,
                ParticipantKind.AGENT));
        return ArbiterPolicy.custom(Homes.SERVICE, agents).heartbeatTimeout(Duration.ofSeconds(3))
                .recoveryWait(Duration.ofSeconds(2)).probeTimeout(Duration.ofSeconds(1))
                .promotionTimeout(Duration.ofSeconds(2)).minTimeBetweenFailovers(Duration.ofSeconds(10))
                .retryInterval(Duration.ofSeconds(2)).maxClockSkew(Duration.ofSeconds(1))
                .safety(new ArbiterPolicy.Safety(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(10),
                        Duration.ofSeconds(60), 1_000_000, false))
                .build();
    }

    /** The home around the real machines. */
    static Model real() {
        return around(ArbiterDecider.of(new ArbiterMachine(policy())));
    }

    static Model around(ArbiterDecider arbiter) {
        return new Model(policy(), arbiter, HEARTBEAT);
    }

    /** The primary leads and acts, nothing in flight: where an operator promoted it after a fresh start. */
    static Explorer.Seed settled(Model m) {
        List<Explorer.Seed> run = settling(m);
        return run.get(run.size() - 1);
    }

    private static List<Explorer.Seed> settling(Model m) {
        Explorer.Seed fresh = new Explorer.Seed(m.fresh(T0, UNLIMITED), Path.ROOT);
        return run(m, fresh, List.of(new Choice.Operator(CommandVerb.PROMOTE, 0)), Set.of(), false, leads(0));
    }

    /**
     * The situations of the settling run and of each scripted run from the settled home where nothing is in flight,
     * with {@code budget}.
     */
    static List<Explorer.Seed> seeds(Model m, Budget budget) {
        List<Explorer.Seed> all = new ArrayList<>(settling(m));
        Explorer.Seed home = all.get(all.size() - 1);
        all.addAll(run(m, home, List.of(new Choice.Operator(CommandVerb.PROMOTE, 1)), Set.of(), false, leads(1)));
        all.addAll(run(m, home, List.of(new Choice.Operator(CommandVerb.DEMOTE, 0)), Set.of(), false, leads(1)));
        all.addAll(run(m, home, List.of(new Choice.Hang(0)), Set.of(0), false, leads(1)));
        all.addAll(run(m, home, List.of(new Choice.Hang(0)), Set.of(0), true, leads(1)));
        all.addAll(run(m, home, List.of(new Choice.RestartAgent(0)), Set.of(), false, leads(0)));
        // Only where nothing is in flight: the rest of each run lies within a few choices of these.
        return all.stream().filter(s -> s.world().quiet())
                .map(s -> new Explorer.Seed(s.world().withBudget(budget), s.path())).toList();
    }

    /** The host acts, the control plane watches it, nothing is in flight. */
    static Predicate<World> leads(int host) {
        return w -> w.host(host).acts(w.now()) && w.quiet() && w.arbiter().phase() instanceof Phase.Watching;
    }

    /**
     * The situations after each of {@code injected}, then after each fair step until {@code done}.
     *
     * @throws IllegalStateException with the timeline if {@code done} is not reached in {@value #SCRIPT_LIMIT} steps
     */
    static List<Explorer.Seed> run(Model m, Explorer.Seed from, List<Choice> injected, Set<Integer> dead,
                                   boolean switchFails, Predicate<World> done) {
        List<Explorer.Seed> out = new ArrayList<>();
        Explorer.Seed at = from;
        for (Choice c : injected) {
            at = new Explorer.Seed(m.apply(at.world(), c, Model.SILENT).world(), at.path().then(c));
            out.add(at);
        }
        FairScheduler fair = new FairScheduler(m, dead, switchFails);
        for (int i = 0; !done.test(at.world()); i++) {
            Choice c = fair.next(at.world()).orElse(null);
            if (c == null || i == SCRIPT_LIMIT) {
                throw new IllegalStateException("scripted run " + injected + " did not reach its goal:\n"
                        + Timeline.of(m, at.path(), List.of()));
            }
            at = new Explorer.Seed(m.apply(at.world(), c, Model.SILENT).world(), at.path().then(c));
            out.add(at);
        }
        return out;
    }
}

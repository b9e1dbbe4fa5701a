package io.piha.core.explore;

import io.piha.core.explore.Invariants.Broken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Breadth-first search over every interleaving of the model's choices, from a set of seed situations up to a depth:
 * each situation reached is fingerprinted and explored once, (a) and (b) are checked in it, (c) in every transition,
 * and liveness from it where it applies. The first (so the shortest) history that breaks each rule is kept with its
 * path, for the timeline. Not thread-safe.
 */
final class Explorer {

    private final Model model;
    private final Liveness liveness;
    private final Fingerprint fingerprint;
    private final Set<String> phases = new TreeSet<>();

    /**
     * A situation to start from, and how it was reached from the fresh home.
     *
     * @param world the situation
     * @param path the choices that led to it
     */
    record Seed(World world, Path path) {
    }

    /**
     * A rule broken, and the shortest history found that breaks it.
     *
     * @param broken the rule and how
     * @param path the choices from the fresh home to the situation (or the transition) that broke it
     * @param fairRun for liveness, the fair run from there that never made the other host act
     */
    record Found(Broken broken, Path path, List<Choice> fairRun) {
    }

    /**
     * What an exploration did and found.
     *
     * @param depth the depth explored from every seed (less than asked if it stopped early)
     * @param seeds how many seeds it started from
     * @param states the distinct situations reached
     * @param transitions the choices taken
     * @param took how long it took
     * @param livenessChecked from how many situations liveness was checked
     * @param livenessLongest the most fair steps one of them needed
     * @param found the first history found per rule broken
     * @param phases the arbiter's phases reached (class names), to show what the exploration covered
     */
    record Result(int depth, int seeds, long states, long transitions, Duration took, long livenessChecked,
                  int livenessLongest, Map<String, Found> found, Set<String> phases) {

        @Override
        public String toString() {
            return String.format("depth %d from %d seeds: %,d states, %,d transitions in %.1f s; liveness checked from %,d"
                    + " states (longest fair run %d steps); %d arbiter phases reached; rules broken: %s", depth, seeds,
                    states, transitions, took.toMillis() / 1000.0, livenessChecked, livenessLongest, phases.size(),
                    found.keySet());
        }
    }

    Explorer(Model model, Liveness liveness) {
        this.model = model;
        this.liveness = liveness;
        this.fingerprint = new Fingerprint(model.policy());
    }

    /** Every situation within {@code depth} choices of a seed, once each, checked as it is reached. */
    Result explore(List<Seed> seeds, int depth) {
        return explore(seeds, depth, Set.of());
    }

    /** As {@link #explore(List, int)}, stopping after the level where every rule in {@code enough} was found broken. */
    Result explore(List<Seed> seeds, int depth, Set<String> enough) {
        long start = System.nanoTime();
        VisitedSet visited = new VisitedSet();
        Map<String, Found> found = new LinkedHashMap<>();
        List<Seed> frontier = new ArrayList<>();
        for (Seed s : seeds) {
            if (visited.add(fingerprint.of(s.world()))) {
                Seed seed = new Seed(s.world(), s.path().asSeed());
                check(seed, found);
                frontier.add(seed);
            }
        }
        long transitions = 0;
        int d = 0;
        boolean done = false;
        while (d < depth && !done) {
            d++;
            List<Seed> next = new ArrayList<>();
            transitions += expand(frontier, d < depth ? next : null, visited, found);
            frontier = next;
            done = !enough.isEmpty() && found.keySet().containsAll(enough);
        }
        return new Result(d, seeds.size(), visited.size(), transitions, Duration.ofNanos(System.nanoTime() - start),
                liveness.checked(), liveness.longest(), found, Set.copyOf(phases));
    }

    /** Takes every choice from every situation of a level; new situations go to {@code next}, if given. */
    private long expand(List<Seed> level, List<Seed> next, VisitedSet visited, Map<String, Found> found) {
        long transitions = 0;
        for (Seed s : level) {
            for (Choice c : model.choices(s.world())) {
                transitions++;
                Model.Transition t = model.apply(s.world(), c, Model.SILENT);
                Seed reached = new Seed(t.world(), s.path().then(c));
                t.broken().forEach(b -> found.putIfAbsent(b.rule(), new Found(b, reached.path(), List.of())));
                if (visited.add(fingerprint.of(t.world()))) {
                    check(reached, found);
                    if (next != null) {
                        next.add(reached);
                    }
                }
            }
        }
        return transitions;
    }

    private void check(Seed s, Map<String, Found> found) {
        phases.add(s.world().arbiter().phase().getClass().getSimpleName());
        Invariants.of(s.world()).forEach(b -> found.putIfAbsent(b.rule(), new Found(b, s.path(), List.of())));
        if (!found.containsKey(Invariants.LIVENESS)) {
            Optional<List<Choice>> stuck = liveness.check(s.world());
            stuck.ifPresent(run -> found.put(Invariants.LIVENESS, new Found(new Broken(Invariants.LIVENESS,
                    "host " + liveness.deadHost(s.world()).map(i -> s.world().host(i).id().value()).orElse("?")
                            + " is dead for good and the other did not act within the bound"), s.path(), run)));
        }
    }
}

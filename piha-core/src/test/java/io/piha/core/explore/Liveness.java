package io.piha.core.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Liveness as bounded reachability: from a situation where the primary (or, if asked, either host) is dead for good
 * (hung, or powered off) and the other is up, the fair schedule makes the other act within {@code bound} steps. Not
 * asked before anybody was ever granted leadership (the control plane never picks a first leader by itself: it
 * alerts), nor where an operator froze automatic promotion or asked for a hand-back (both wait for the operator by
 * design, with a CRITICAL alert), nor, unless asked, where an operator asked to promote the dead host and it never
 * acted since. Fair runs are deterministic, so how many steps a situation needs is remembered by fingerprint and
 * shared between runs. Not thread-safe.
 */
final class Liveness {

    private static final int FAILS = -1;
    private static final int UNKNOWN = -2;

    private final Model model;
    private final Fingerprint fingerprint;
    private final int bound;
    private final Set<Integer> checkedDead;
    private final boolean operatorPromotesOfTheDead;
    private final Map<Fingerprint.Key, Integer> stepsToAct = new HashMap<>();
    private long checked;
    private int longest;

    /**
     * @param bound the fair steps allowed
     * @param checkedDead which hosts' death is checked: the primary's (0), as the issue asks, or either
     * @param operatorPromotesOfTheDead whether to ask it also where an operator asked to promote the dead host (the
     *     arbiter then hands over to it, fencing the live one if it does not acknowledge)
     */
    Liveness(Model model, int bound, Set<Integer> checkedDead, boolean operatorPromotesOfTheDead) {
        this.model = model;
        this.checkedDead = Set.copyOf(checkedDead);
        this.operatorPromotesOfTheDead = operatorPromotesOfTheDead;
        this.fingerprint = new Fingerprint(model.policy());
        this.bound = bound;
    }

    /** How many situations were checked. */
    long checked() {
        return checked;
    }

    /** The most fair steps any checked situation needed. */
    int longest() {
        return longest;
    }

    /** The host dead for good in {@code w}, if exactly one is and the check applies. */
    Optional<Integer> deadHost(World w) {
        boolean led = w.ghost().holder().isPresent();
        if (!led || w.ghost().operatorFroze() || w.ghost().operatorDemoted() || w.arbiter().frozen()) {
            return Optional.empty();
        }
        boolean primaryDead = !w.host(0).answers();
        boolean standbyDead = !w.host(1).answers();
        if (primaryDead == standbyDead) {
            return Optional.empty();
        }
        int dead = primaryDead ? 0 : 1;
        if (!checkedDead.contains(dead)) {
            return Optional.empty();
        }
        boolean asked = w.ghost().operatorPromoted().filter(w.host(dead).id()::equals).isPresent();
        return asked && !operatorPromotesOfTheDead ? Optional.empty() : Optional.of(dead);
    }

    /** Empty if the check does not apply or holds; else the fair run that did not make the other host act. */
    Optional<List<Choice>> check(World start) {
        Optional<Integer> dead = deadHost(start);
        if (dead.isEmpty()) {
            return Optional.empty();
        }
        checked++;
        int other = 1 - dead.get();
        FairScheduler fair = new FairScheduler(model, Set.of(dead.get()), false);
        List<Fingerprint.Key> seen = new ArrayList<>();
        List<Choice> run = new ArrayList<>();
        World w = start;
        for (int step = 0; ; step++) {
            Fingerprint.Key key = fingerprint.of(w);
            int total = w.host(other).acts(w.now()) ? step : known(key, step);
            if (total >= 0 && total <= bound) {
                remember(seen, total);
                return Optional.empty();
            }
            Optional<Choice> c = fair.next(w);
            if (total != UNKNOWN || step >= bound || c.isEmpty()) {
                seen.forEach(k -> stepsToAct.put(k, FAILS));
                return Optional.of(run);
            }
            seen.add(key);
            run.add(c.get());
            w = model.apply(w, c.get(), Model.SILENT).world();
        }
    }

    /** Steps from the start if the situation was met before ({@link #FAILS} if it never led anywhere). */
    private int known(Fingerprint.Key key, int step) {
        Integer k = stepsToAct.get(key);
        return k == null ? UNKNOWN : k == FAILS ? FAILS : k + step;
    }

    private void remember(List<Fingerprint.Key> seen, int total) {
        longest = Math.max(longest, total);
        for (int i = 0; i < seen.size(); i++) {
            stepsToAct.put(seen.get(i), total - i);
        }
    }
}

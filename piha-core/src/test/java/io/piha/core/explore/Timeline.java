package io.piha.core.explore;

import io.piha.core.Homes;
import io.piha.core.Trace;
import java.util.List;

/**
 * A history replayed as the drill's timeline ({@code +mm:ss.SSS  who  what}, {@link Trace}): every choice, every
 * decision of the machines it led to, and the situation after it.
 */
final class Timeline {

    private Timeline() {
    }

    /** The history of {@code path} from the fresh home, then {@code fairRun} after it, if any. */
    static String of(Model model, Path path, List<Choice> fairRun) {
        Trace trace = new Trace(Homes.T0);
        World w = model.fresh(Scenarios.T0, Scenarios.UNLIMITED);
        List<Choice> choices = path.choices();
        int seedAt = choices.size() - path.depth();
        for (int i = 0; i < choices.size(); i++) {
            if (i == seedAt) {
                trace.happened(w.now(), "---- the exploration starts here (seed); " + path.depth() + " choice(s) follow");
            }
            w = model.apply(w, choices.get(i), trace).world();
            trace.happened(w.now(), Words.situation(w));
        }
        if (!fairRun.isEmpty()) {
            trace.happened(w.now(), "---- a fair schedule from here (" + fairRun.size() + " steps):");
        }
        for (Choice c : fairRun) {
            w = model.apply(w, c, trace).world();
            trace.happened(w.now(), Words.situation(w));
        }
        return trace.toString();
    }
}

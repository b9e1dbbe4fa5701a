package io.piha.core.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How a situation was reached: the choices taken from the fresh home, each path sharing its prefix with its
 * siblings, so the frontier of a search holds no copies.
 *
 * @param parent the path one choice shorter; null at the fresh home
 * @param choice the last choice; null at the fresh home
 * @param depth how many choices since the seed the exploration started from
 */
record Path(Path parent, Choice choice, int depth) {

    /** The fresh home. */
    static final Path ROOT = new Path(null, null, 0);

    Path then(Choice next) {
        return new Path(this, next, depth + 1);
    }

    /** The same path, where an exploration starts counting its depth. */
    Path asSeed() {
        return new Path(parent, choice, 0);
    }

    /** The choices from the fresh home, in order. */
    List<Choice> choices() {
        List<Choice> out = new ArrayList<>();
        for (Path p = this; p.choice != null; p = p.parent) {
            out.add(p.choice);
        }
        Collections.reverse(out);
        return out;
    }

    /** How many choices from the fresh home. */
    int length() {
        int n = 0;
        for (Path p = this; p.choice != null; p = p.parent) {
            n++;
        }
        return n;
    }
}

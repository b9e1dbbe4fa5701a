package io.piha.platform.internal.helm;

/**
 * A template needs more of Go templates than this renderer honestly supports ({@code include}, {@code range},
 * variables, {@code .Capabilities}...), or fails the way Helm would fail ({@code required}). Carries the
 * template line and what was met there.
 */
public final class Unrenderable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;

    Unrenderable(String what, int line) {
        super(what);
        this.line = line;
    }

    /** The 1-based template line of the action. */
    public int line() {
        return line;
    }
}

package io.piha.api.leadership;

/**
 * A fencing token: the generation of a leadership grant. Epochs only grow; a holder of a lower epoch
 * than one already seen must stop acting at once.
 *
 * <p>Epoch 0 means "never granted" (a v1 house that has not met the SDK's arbiter yet).
 *
 * @param value zero or positive
 * @since 0.1
 */
public record Epoch(long value) implements Comparable<Epoch> {

    /** The epoch before any grant. */
    public static final Epoch ZERO = new Epoch(0);

    /**
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public Epoch {
        if (value < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, was " + value);
        }
    }

    /** Returns the epoch with the given value. */
    public static Epoch of(long value) {
        return new Epoch(value);
    }

    /** Returns the epoch that follows this one. */
    public Epoch next() {
        return new Epoch(Math.addExact(value, 1));
    }

    /** Whether this epoch is strictly newer than {@code other}. */
    public boolean isNewerThan(Epoch other) {
        return value > other.value;
    }

    /** Whether this epoch is strictly older than {@code other}. */
    public boolean isOlderThan(Epoch other) {
        return value < other.value;
    }

    /** The newer of two epochs. */
    public static Epoch max(Epoch a, Epoch b) {
        return a.value >= b.value ? a : b;
    }

    @Override
    public int compareTo(Epoch other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

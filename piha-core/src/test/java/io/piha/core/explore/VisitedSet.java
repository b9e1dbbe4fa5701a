package io.piha.core.explore;

/**
 * The fingerprints seen so far: an open-addressing table of 128-bit keys in two {@code long} arrays, a few bytes a
 * state where a {@code HashSet} of records would take ten times more. Not thread-safe.
 */
final class VisitedSet {

    private long[] high = new long[1 << 16];
    private long[] low = new long[1 << 16];
    private boolean[] used = new boolean[1 << 16];
    private int size;

    /** Adds the key; whether it was new. */
    boolean add(Fingerprint.Key key) {
        if (size * 2 >= used.length) {
            grow();
        }
        return insert(key.high(), key.low());
    }

    int size() {
        return size;
    }

    private boolean insert(long h, long l) {
        int mask = used.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (used[i]) {
            if (high[i] == h && low[i] == l) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        high[i] = h;
        low[i] = l;
        size++;
        return true;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        high = new long[oldUsed.length * 2];
        low = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldHigh[i], oldLow[i]);
            }
        }
    }
}

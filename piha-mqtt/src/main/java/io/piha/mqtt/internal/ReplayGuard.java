package io.piha.mqtt.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers command ids for the replay window, so that a command delivered twice (QoS 1 duplicate,
 * replay by an attacker) is executed at most once. Bounded: the oldest ids are forgotten first, and
 * at most {@code capacity} are kept. Thread-safe.
 */
public final class ReplayGuard {

    private final Duration window;
    private final int capacity;
    private final Map<String, Instant> seen = new HashMap<>();
    private final Deque<String> order = new ArrayDeque<>();

    /** A guard remembering ids for {@code window}, at most {@code capacity} of them. */
    public ReplayGuard(Duration window, int capacity) {
        this.window = window;
        this.capacity = capacity;
    }

    /** Whether this is the first sighting of {@code id} within the window; records it if so. */
    public synchronized boolean firstSighting(String id, Instant now) {
        forgetOlderThan(now.minus(window));
        if (seen.containsKey(id)) {
            return false;
        }
        if (order.size() >= capacity) {
            seen.remove(order.removeFirst());
        }
        seen.put(id, now);
        order.addLast(id);
        return true;
    }

    private void forgetOlderThan(Instant horizon) {
        while (!order.isEmpty() && seen.get(order.peekFirst()).isBefore(horizon)) {
            seen.remove(order.removeFirst());
        }
    }
}

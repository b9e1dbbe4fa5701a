package io.piha.api.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one {@link HealthProbe} run.
 *
 * @since 0.1
 */
public sealed interface ProbeResult {

    /** When the probe finished. */
    Instant at();

    /** How long it took. */
    Duration latency();

    /** Whether the target answered as a healthy one does. */
    default boolean isUp() {
        return this instanceof Up;
    }

    /**
     * The target answered as a healthy one does.
     *
     * @param at when
     * @param latency how long it took
     * @param detail what was seen, e.g. {@code HTTP 401 (process up, no token)}
     */
    record Up(Instant at, Duration latency, String detail) implements ProbeResult {
        /** @throws NullPointerException if a component is null */
        public Up {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The target answered, but not as a healthy one does (e.g. HTTP 502).
     *
     * @param at when
     * @param latency how long it took
     * @param reason what was wrong
     */
    record Down(Instant at, Duration latency, String reason) implements ProbeResult {
        /** @throws NullPointerException if a component is null */
        public Down {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The target did not answer at all: refused, timed out, no route.
     *
     * @param at when
     * @param latency how long until giving up
     * @param reason what failed, naming host and port
     */
    record Unreachable(Instant at, Duration latency, String reason) implements ProbeResult {
        /** @throws NullPointerException if a component is null */
        public Unreachable {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(reason, "reason");
        }
    }
}

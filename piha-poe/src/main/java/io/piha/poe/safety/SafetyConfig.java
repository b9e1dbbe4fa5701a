package io.piha.poe.safety;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The limits of the safety layer. Immutable; build with {@link #custom()} or take {@link #ofDefaults()}.
 *
 * @param portCooldown minimum time between two actions on one port
 * @param perSwitchLimit most actions on one switch within {@code rateWindow}
 * @param globalLimit most actions on all switches within {@code rateWindow}
 * @param rateWindow the window of both rate limits
 * @param breakerThreshold failed recoveries of one host (within {@code breakerWindow}) that open its breaker
 * @param breakerWindow how far back failures count
 * @param breakerOpenFor how long an open breaker refuses before it lets one attempt through
 * @param offTime how long a cycle keeps the port off
 * @param readBack timeouts and poll interval of read-back verification
 * @param protectedLabels labels refused on every switch, beyond each port map's own
 * @param dryRun when set, actions are planned, printed and audited but never sent
 * @since 0.1
 */
public record SafetyConfig(Duration portCooldown, int perSwitchLimit, int globalLimit, Duration rateWindow,
                           int breakerThreshold, Duration breakerWindow, Duration breakerOpenFor, Duration offTime,
                           ReadBackConfig readBack, Set<String> protectedLabels, boolean dryRun) {

    /** Default {@code portCooldown}: 10 minutes. */
    public static final Duration DEFAULT_PORT_COOLDOWN = Duration.ofMinutes(10);
    /** Default {@code perSwitchLimit}: 4 per window. */
    public static final int DEFAULT_PER_SWITCH_LIMIT = 4;
    /** Default {@code globalLimit}: 8 per window. */
    public static final int DEFAULT_GLOBAL_LIMIT = 8;
    /** Default {@code rateWindow}: 1 hour. */
    public static final Duration DEFAULT_RATE_WINDOW = Duration.ofHours(1);
    /** Default {@code breakerThreshold}: 3 failed recoveries. */
    public static final int DEFAULT_BREAKER_THRESHOLD = 3;
    /** Default {@code breakerWindow}: 24 hours. */
    public static final Duration DEFAULT_BREAKER_WINDOW = Duration.ofHours(24);
    /** Default {@code breakerOpenFor}: 6 hours. */
    public static final Duration DEFAULT_BREAKER_OPEN_FOR = Duration.ofHours(6);
    /** Default {@code offTime}: 5 seconds, long enough for a Pi's capacitors to drain. */
    public static final Duration DEFAULT_OFF_TIME = Duration.ofSeconds(5);

    /** @throws IllegalArgumentException naming the bad value */
    public SafetyConfig {
        positive("portCooldown", portCooldown);
        positive("rateWindow", rateWindow);
        positive("breakerWindow", breakerWindow);
        positive("breakerOpenFor", breakerOpenFor);
        positive("offTime", offTime);
        Objects.requireNonNull(readBack, "readBack");
        protectedLabels = Set.copyOf(protectedLabels);
        if (perSwitchLimit < 1 || globalLimit < 1 || breakerThreshold < 1) {
            throw new IllegalArgumentException("perSwitchLimit, globalLimit and breakerThreshold must be at least 1, "
                    + "were " + perSwitchLimit + ", " + globalLimit + ", " + breakerThreshold);
        }
    }

    /** The defaults named by the {@code DEFAULT_*} constants, no extra protected labels, no dry run. */
    public static SafetyConfig ofDefaults() {
        return custom().build();
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** Builds a {@link SafetyConfig}; {@link #build()} validates and copies, so a built config never changes. */
    public static final class Builder {
        private Duration portCooldown = DEFAULT_PORT_COOLDOWN;
        private int perSwitchLimit = DEFAULT_PER_SWITCH_LIMIT;
        private int globalLimit = DEFAULT_GLOBAL_LIMIT;
        private Duration rateWindow = DEFAULT_RATE_WINDOW;
        private int breakerThreshold = DEFAULT_BREAKER_THRESHOLD;
        private Duration breakerWindow = DEFAULT_BREAKER_WINDOW;
        private Duration breakerOpenFor = DEFAULT_BREAKER_OPEN_FOR;
        private Duration offTime = DEFAULT_OFF_TIME;
        private ReadBackConfig readBack = ReadBackConfig.ofDefaults();
        private Set<String> protectedLabels = Set.of();
        private boolean dryRun;

        private Builder() {
        }

        /** Minimum time between two actions on one port. */
        public Builder portCooldown(Duration value) {
            this.portCooldown = value;
            return this;
        }

        /** Most actions per switch and overall within {@code window}. */
        public Builder rateLimits(int perSwitch, int global, Duration window) {
            this.perSwitchLimit = perSwitch;
            this.globalLimit = global;
            this.rateWindow = window;
            return this;
        }

        /** Open a host's breaker after {@code threshold} failures within {@code window}, for {@code openFor}. */
        public Builder breaker(int threshold, Duration window, Duration openFor) {
            this.breakerThreshold = threshold;
            this.breakerWindow = window;
            this.breakerOpenFor = openFor;
            return this;
        }

        /** How long a cycle keeps the port off. */
        public Builder offTime(Duration value) {
            this.offTime = value;
            return this;
        }

        /** Read-back timeouts. */
        public Builder readBack(ReadBackConfig value) {
            this.readBack = value;
            return this;
        }

        /** Labels refused on every switch. */
        public Builder protectedLabels(Set<String> labels) {
            this.protectedLabels = labels;
            return this;
        }

        /** Plan and audit, never send. */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the bad value */
        public SafetyConfig build() {
            return new SafetyConfig(portCooldown, perSwitchLimit, globalLimit, rateWindow, breakerThreshold,
                    breakerWindow, breakerOpenFor, offTime, readBack, protectedLabels, dryRun);
        }
    }
}

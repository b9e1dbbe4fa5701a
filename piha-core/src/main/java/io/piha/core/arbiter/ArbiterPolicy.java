package io.piha.core.arbiter;

import io.piha.api.leadership.ContractTimings;
import io.piha.api.leadership.ServiceName;
import java.time.Duration;
import java.util.Objects;

/**
 * How the arbiter decides for one service. Immutable; build with {@link #custom(ServiceName, Topology)}.
 * Every duration must be positive.
 *
 * @param service the service
 * @param topology primary and standby
 * @param heartbeatTimeout silence after which the leader is suspected (default 90 s)
 * @param recoveryWait wait after the power-cycle before confirming death (default 60 s)
 * @param probeTimeout how long a probe or power action may take before it counts as failed (default 15 s)
 * @param promotionTimeout how long the promoted host has to show itself before the promote is re-sent
 *     (default 60 s)
 * @param minTimeBetweenFailovers anti-flap: minimum time between two automatic failovers (default 15 min)
 * @param retryInterval when blocked or waiting for a host, how often to look again (default 60 s)
 * @param commandTtl how long a command the arbiter issues stays valid (default 60 s)
 * @param maxClockSkew how far in the future a heartbeat may claim to be (default 30 s)
 * @param fencing what a failover needs before the new epoch is granted (default power-off)
 * @param actor the arbiter's name in events and audit (default {@code nas})
 * @param safety the bounds of the grant rules: lease lifetime, waits, windows, reminders
 * @since 0.1
 */
public record ArbiterPolicy(ServiceName service, Topology topology, Duration heartbeatTimeout, Duration recoveryWait,
                            Duration probeTimeout, Duration promotionTimeout, Duration minTimeBetweenFailovers,
                            Duration retryInterval, Duration commandTtl, Duration maxClockSkew, FencingMode fencing,
                            String actor, Safety safety) {

    /**
     * The bounds of the grant rules. Immutable.
     *
     * @param leaseDuration how long a lease renewal lasts from the holder's heartbeat it answers (default 3 min):
     *     an agent cut off from the arbiter stops acting this long after its last renewed heartbeat, and a
     *     holder that can be neither fenced nor acknowledged is waited out for this plus {@code maxClockSkew}
     * @param demoteTimeout how long a planned hand-over waits for the old holder's {@code demoted}
     *     acknowledgement before it fences it (default 15 s)
     * @param plainCommandWindow plain v1 commands of the same verb within this window count once, so a QoS 1
     *     redelivery (or the arbiter's own plain promote heard back) never acts twice (default 10 s)
     * @param reminderInterval how often a stuck state repeats its CRITICAL alert (default 30 min)
     * @param maxEpochJump a lease, heartbeat or event claiming an epoch more than this beyond the highest known is
     *     refused as forged or corrupt (default 1,000,000)
     * @param requireSignedAgents whether heartbeats of hosts known as agents must carry a verified signature
     *     (on when commands must be signed)
     */
    public record Safety(Duration leaseDuration, Duration demoteTimeout, Duration plainCommandWindow,
                         Duration reminderInterval, long maxEpochJump, boolean requireSignedAgents) {

        /** The defaults. */
        public static final Safety DEFAULTS = new Safety(Duration.ofMinutes(3), Duration.ofSeconds(15),
                Duration.ofSeconds(10), Duration.ofMinutes(30), 1_000_000, false);

        /** @throws IllegalArgumentException naming the setting if a value is out of range */
        public Safety {
            positive("leaseDuration", leaseDuration);
            positive("demoteTimeout", demoteTimeout);
            positive("plainCommandWindow", plainCommandWindow);
            positive("reminderInterval", reminderInterval);
            if (maxEpochJump < 1) {
                throw new IllegalArgumentException("maxEpochJump must be at least 1, was " + maxEpochJump);
            }
        }
    }

    /** Contract v1: the leader is missing after 90 s without a heartbeat ({@link ContractTimings}). */
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = ContractTimings.DEFAULT_HEARTBEAT_TIMEOUT;
    /** Contract v1: wait another 60 s after the power-cycle. */
    public static final Duration DEFAULT_RECOVERY_WAIT = Duration.ofSeconds(60);
    /** Default probe and power-action timeout. */
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(15);
    /** Default time for a promoted host to show itself. */
    public static final Duration DEFAULT_PROMOTION_TIMEOUT = Duration.ofSeconds(60);
    /** Default anti-flap interval. */
    public static final Duration DEFAULT_MIN_TIME_BETWEEN_FAILOVERS = Duration.ofMinutes(15);
    /** Default retry interval. */
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(60);
    /** Default command validity. */
    public static final Duration DEFAULT_COMMAND_TTL = Duration.ofSeconds(60);
    /** Default tolerated clock skew ({@link ContractTimings}). */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = ContractTimings.DEFAULT_MAX_CLOCK_SKEW;
    /** Default fencing. */
    public static final FencingMode DEFAULT_FENCING = FencingMode.POWER_OFF;
    /** Default actor name, as in the seed's events. */
    public static final String DEFAULT_ACTOR = "nas";

    /** @throws IllegalArgumentException naming the setting if a duration is zero or negative */
    public ArbiterPolicy {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(fencing, "fencing");
        Objects.requireNonNull(actor, "actor");
        positive("heartbeatTimeout", heartbeatTimeout);
        positive("recoveryWait", recoveryWait);
        positive("probeTimeout", probeTimeout);
        positive("promotionTimeout", promotionTimeout);
        positive("minTimeBetweenFailovers", minTimeBetweenFailovers);
        positive("retryInterval", retryInterval);
        positive("commandTtl", commandTtl);
        positive("maxClockSkew", maxClockSkew);
        Objects.requireNonNull(safety, "safety");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("actor must not be blank");
        }
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /** The defaults of contract v1 for this service and topology. */
    public static ArbiterPolicy ofDefaults(ServiceName service, Topology topology) {
        return custom(service, topology).build();
    }

    /** Starts a policy from the defaults. */
    public static Builder custom(ServiceName service, Topology topology) {
        return new Builder(service, topology);
    }

    /** The worst-case time from the last heartbeat to a promote, when every step answers at once. */
    public Duration nominalFailoverTime() {
        return heartbeatTimeout.plus(recoveryWait);
    }

    /** How long a holder that can be neither fenced nor acknowledged is waited out: its lease plus the skew bound. */
    public Duration leaseWait() {
        return safety.leaseDuration().plus(maxClockSkew);
    }

    /** Builds an {@link ArbiterPolicy}. Not thread-safe; {@link #build()} validates and copies. */
    public static final class Builder {
        private final ServiceName service;
        private final Topology topology;
        private Duration heartbeatTimeout = DEFAULT_HEARTBEAT_TIMEOUT;
        private Duration recoveryWait = DEFAULT_RECOVERY_WAIT;
        private Duration probeTimeout = DEFAULT_PROBE_TIMEOUT;
        private Duration promotionTimeout = DEFAULT_PROMOTION_TIMEOUT;
        private Duration minTimeBetweenFailovers = DEFAULT_MIN_TIME_BETWEEN_FAILOVERS;
        private Duration retryInterval = DEFAULT_RETRY_INTERVAL;
        private Duration commandTtl = DEFAULT_COMMAND_TTL;
        private Duration maxClockSkew = DEFAULT_MAX_CLOCK_SKEW;
        private FencingMode fencing = DEFAULT_FENCING;
        private String actor = DEFAULT_ACTOR;
        private Safety safety = Safety.DEFAULTS;

        private Builder(ServiceName service, Topology topology) {
            this.service = service;
            this.topology = topology;
        }

        /** The heartbeat timeout and clock-skew bound of the contract every participant shares. */
        public Builder contract(ContractTimings timings) {
            this.heartbeatTimeout = timings.heartbeatTimeout();
            this.maxClockSkew = timings.maxClockSkew();
            return this;
        }

        /** See {@link ArbiterPolicy#heartbeatTimeout()}. */
        public Builder heartbeatTimeout(Duration d) {
            this.heartbeatTimeout = d;
            return this;
        }

        /** See {@link ArbiterPolicy#recoveryWait()}. */
        public Builder recoveryWait(Duration d) {
            this.recoveryWait = d;
            return this;
        }

        /** See {@link ArbiterPolicy#probeTimeout()}. */
        public Builder probeTimeout(Duration d) {
            this.probeTimeout = d;
            return this;
        }

        /** See {@link ArbiterPolicy#promotionTimeout()}. */
        public Builder promotionTimeout(Duration d) {
            this.promotionTimeout = d;
            return this;
        }

        /** See {@link ArbiterPolicy#minTimeBetweenFailovers()}. */
        public Builder minTimeBetweenFailovers(Duration d) {
            this.minTimeBetweenFailovers = d;
            return this;
        }

        /** See {@link ArbiterPolicy#retryInterval()}. */
        public Builder retryInterval(Duration d) {
            this.retryInterval = d;
            return this;
        }

        /** See {@link ArbiterPolicy#commandTtl()}. */
        public Builder commandTtl(Duration d) {
            this.commandTtl = d;
            return this;
        }

        /** See {@link ArbiterPolicy#maxClockSkew()}. */
        public Builder maxClockSkew(Duration d) {
            this.maxClockSkew = d;
            return this;
        }

        /** See {@link ArbiterPolicy#fencing()}. */
        public Builder fencing(FencingMode mode) {
            this.fencing = mode;
            return this;
        }

        /** See {@link ArbiterPolicy#safety()}. */
        public Builder safety(Safety value) {
            this.safety = value;
            return this;
        }

        /** See {@link Safety#leaseDuration()}. */
        public Builder leaseDuration(Duration d) {
            this.safety = new Safety(d, safety.demoteTimeout(), safety.plainCommandWindow(), safety.reminderInterval(),
                    safety.maxEpochJump(), safety.requireSignedAgents());
            return this;
        }

        /** See {@link Safety#demoteTimeout()}. */
        public Builder demoteTimeout(Duration d) {
            this.safety = new Safety(safety.leaseDuration(), d, safety.plainCommandWindow(), safety.reminderInterval(),
                    safety.maxEpochJump(), safety.requireSignedAgents());
            return this;
        }

        /** See {@link ArbiterPolicy#actor()}. */
        public Builder actor(String name) {
            this.actor = name;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @throws IllegalArgumentException naming the setting if a value is invalid
         */
        public ArbiterPolicy build() {
            return new ArbiterPolicy(service, topology, heartbeatTimeout, recoveryWait, probeTimeout, promotionTimeout,
                    minTimeBetweenFailovers, retryInterval, commandTtl, maxClockSkew, fencing, actor, safety);
        }
    }
}

package io.piha.service.config;

import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.FencingMode;
import io.piha.core.arbiter.Topology;
import io.piha.api.leadership.ContractTimings;
import io.piha.api.leadership.ServiceName;
import java.time.Duration;
import java.util.Objects;

/**
 * The control plane's timings: the contract every participant shares ({@link ContractTimings}: heartbeat interval
 * and timeout, clock-skew bound), the arbiter's own waits, each defaulting to contract v1 ({@link ArbiterPolicy}),
 * and how often hosts are probed for the status page.
 *
 * @param contract heartbeat interval (30 s), heartbeat timeout (90 s) and clock-skew bound (30 s), handed as one
 *     value to the MQTT codec and the arbiter
 * @param recoveryWait wait after the power-cycle (60 s)
 * @param probeTimeout budget of a probe or power action (15 s)
 * @param promotionTimeout time for a promoted host to show itself (60 s)
 * @param minTimeBetweenFailovers anti-flap interval (15 min)
 * @param retryInterval how often to look again when blocked (60 s)
 * @param commandTtl validity of issued commands (60 s)
 * @param probeInterval how often every host is probed for the status page and metrics (30 s)
 * @param safety what guards every grant: lease lifetime (3 min), wait for a demote acknowledgement (15 s), window
 *     in which a repeated plain command counts once (10 s), interval of CRITICAL reminders (30 min)
 * @since 0.1
 */
public record TimingsConfig(ContractTimings contract, Duration recoveryWait, Duration probeTimeout,
                            Duration promotionTimeout, Duration minTimeBetweenFailovers, Duration retryInterval,
                            Duration commandTtl, Duration probeInterval, ArbiterPolicy.Safety safety) {

    /** Default interval of the status probes. */
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(30);

    /** @throws NullPointerException if a component is null */
    public TimingsConfig {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(recoveryWait, "recoveryWait");
        Objects.requireNonNull(probeTimeout, "probeTimeout");
        Objects.requireNonNull(promotionTimeout, "promotionTimeout");
        Objects.requireNonNull(minTimeBetweenFailovers, "minTimeBetweenFailovers");
        Objects.requireNonNull(retryInterval, "retryInterval");
        Objects.requireNonNull(commandTtl, "commandTtl");
        Objects.requireNonNull(probeInterval, "probeInterval");
        Objects.requireNonNull(safety, "safety");
    }

    /** The defaults of contract v1. */
    public static TimingsConfig defaults() {
        return new TimingsConfig(ContractTimings.DEFAULTS, ArbiterPolicy.DEFAULT_RECOVERY_WAIT,
                ArbiterPolicy.DEFAULT_PROBE_TIMEOUT, ArbiterPolicy.DEFAULT_PROMOTION_TIMEOUT,
                ArbiterPolicy.DEFAULT_MIN_TIME_BETWEEN_FAILOVERS, ArbiterPolicy.DEFAULT_RETRY_INTERVAL,
                ArbiterPolicy.DEFAULT_COMMAND_TTL, DEFAULT_PROBE_INTERVAL, ArbiterPolicy.Safety.DEFAULTS);
    }

    /**
     * The arbiter's policy for one service with these timings.
     *
     * @param requireSignedAgents whether agents' heartbeats must be signed (the broker requires signed commands)
     */
    public ArbiterPolicy policy(ServiceName service, Topology topology, FencingMode fencing, String actor,
                                boolean requireSignedAgents) {
        return ArbiterPolicy.custom(service, topology)
                .contract(contract)
                .recoveryWait(recoveryWait)
                .probeTimeout(probeTimeout)
                .promotionTimeout(promotionTimeout)
                .minTimeBetweenFailovers(minTimeBetweenFailovers)
                .retryInterval(retryInterval)
                .commandTtl(commandTtl)
                .safety(new ArbiterPolicy.Safety(safety.leaseDuration(), safety.demoteTimeout(),
                        safety.plainCommandWindow(), safety.reminderInterval(), safety.maxEpochJump(), requireSignedAgents))
                .fencing(fencing)
                .actor(actor)
                .build();
    }
}

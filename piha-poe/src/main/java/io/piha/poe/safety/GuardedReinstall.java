package io.piha.poe.safety;

import io.piha.api.alert.AlertSink;
import io.piha.api.audit.AuditLog;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.api.recovery.ReinstallTrigger;
import io.piha.poe.safety.RecoveryOutcome.Done;
import io.piha.poe.safety.RecoveryOutcome.Failed;
import io.piha.poe.safety.RecoveryOutcome.PortAfter;
import io.piha.poe.safety.RecoveryOutcome.Refused;
import io.piha.poe.safety.RecoveryOutcome.Rule;
import io.piha.poe.safety.RecoveryOutcome.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The scripted reinstall of hosts (seed 002), guarded exactly like a power action of a {@link GuardedSwitch}: the
 * same {@link RecoveryPolicy} (unknown and protected hosts, the cooldown per host, the rate limits, the breaker after
 * failed attempts) over a {@link SafetyLedger} of its own, the same audit entries and alerts ({@code reinstall_*}
 * codes), dry runs that only plan; and one more guard, since a reinstall destroys the host's state: it runs only when
 * confirmed by naming the host ({@link Rule#UNCONFIRMED}). The hosts are the labels of a port map named
 * {@value #NAME}.
 *
 * <p>Thread-safe: one reinstall at a time per process; the ledger is shared with other processes through its file.
 *
 * @since 0.1
 */
public final class GuardedReinstall {

    /** The name the ledger, audit targets and alerts use in place of a switch's. */
    public static final String NAME = "reinstall";

    private final Map<String, ReinstallTrigger> triggers;
    private final PortMap hosts;
    private final SafetyConfig config;
    private final SafetyLedger ledger;
    private final Clock clock;
    private final SafetyEvents events;
    private final RecoveryPolicy policy;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * @param triggers the configured reinstall of each host, by host name
     * @param config the limits (cooldown, rate limits, breaker, protected hosts, dry run)
     * @param ledger where attempts and failures are remembered, e.g. {@code reinstall-ledger} in the state directory
     * @param clock the source of time for cooldowns and breakers
     * @param audit where every decision is recorded
     * @param alerts where refusals and failures are reported
     */
    public GuardedReinstall(Map<String, ReinstallTrigger> triggers, SafetyConfig config, SafetyLedger ledger,
                            Clock clock, AuditLog audit, AlertSink alerts) {
        this.triggers = Map.copyOf(triggers);
        this.config = Objects.requireNonNull(config, "config");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<String, PortAddress> labels = new HashMap<>();
        this.triggers.keySet().forEach(host -> labels.put(host, PortAddress.named(host)));
        this.hosts = new PortMap(NAME, labels, config.protectedLabels().stream().filter(labels::containsKey)
                .collect(java.util.stream.Collectors.toSet()));
        this.events = new SafetyEvents(NAME, NAME, clock, audit, alerts);
        this.policy = new RecoveryPolicy(config);
    }

    /**
     * Reinstalls {@code request.label()} (the host) once every guard lets it, or plans it in a dry run.
     *
     * @param confirmation must equal the host's name (what an operator typed after {@code --confirm}); not needed for
     *     a dry run, which sends nothing
     * @return {@link RecoveryOutcome.Done}, {@link RecoveryOutcome.Planned}, {@link Refused} or {@link Failed}
     */
    public RecoveryOutcome reinstall(RecoveryRequest request, Optional<String> confirmation) {
        String host = request.label();
        lock.lock();
        try {
            Instant now = clock.instant();
            if (!triggers.containsKey(host)) {
                return events.refused(NAME, request, new Refused(NAME, host, Rule.UNKNOWN_PORT, "no reinstall is "
                        + "configured for host '" + host + "' (configured: " + hosts() + ")"));
            }
            Optional<Refused> refused = policy.check(hosts, host, ledger, now);
            if (refused.isPresent()) {
                return events.refused(NAME, request, refused.get());
            }
            if (config.dryRun()) {
                return events.planned(NAME, request, triggers.get(host).plan());
            }
            if (!confirmation.equals(Optional.of(host))) {
                return events.refused(NAME, request, new Refused(NAME, host, Rule.UNCONFIRMED, "a reinstall wipes "
                        + host + ": confirm it by naming the host (--confirm " + host + "), was "
                        + confirmation.map(c -> "'" + c + "'").orElse("not confirmed")));
            }
            events.accepted(NAME, request);
            ledger.recordAction(NAME, host, now);
            return run(request, now);
        } finally {
            lock.unlock();
        }
    }

    /** The configured hosts, sorted. */
    public List<String> hosts() {
        return triggers.keySet().stream().sorted().toList();
    }

    private RecoveryOutcome run(RecoveryRequest request, Instant now) {
        String host = request.label();
        try {
            triggers.get(host).start(request.reason());
        } catch (RuntimeException e) {
            ledger.recordFailure(NAME, host, now);
            RecoveryOutcome outcome = events.failed(NAME, request, new Failed(NAME, host, Stage.REINSTALL,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), PortAfter.UNTOUCHED));
            if (policy.opensBreaker(ledger.failures(NAME, host), now)) {
                Instant until = now.plus(config.breakerOpenFor());
                ledger.openBreaker(NAME, host, until);
                events.breakerOpened(request, until, config.breakerThreshold());
            }
            return outcome;
        }
        ledger.clearFailures(NAME, host);
        return events.done(NAME, request, new Done(NAME, host, List.of(Stage.REINSTALL),
                Duration.between(now, clock.instant())));
    }
}

package io.piha.runtime;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertCodes;
import io.piha.api.alert.AlertSink;
import io.piha.api.alert.Severity;
import io.piha.api.audit.AuditEntry;
import io.piha.api.audit.AuditLog;
import io.piha.api.health.HealthProbe;
import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipBus;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.RejectedMessage;
import io.piha.api.recovery.HostPower;
import io.piha.runtime.internal.IncidentFeed;
import io.piha.core.Decision;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterMachine;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.ArbiterState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane for one service with real time: feeds the {@link ArbiterMachine} with what the bus
 * delivers, ticks at the machine's next wake-up, and carries out its effects (probes and power actions on
 * worker threads, publications, alerts, audit). Decisions run one at a time on a single thread, so the
 * machine never sees two inputs at once.
 *
 * <p>Write-ahead: when a decision changes what is remembered ({@link ArbiterState#remembered()}), the memory is
 * written and forced to disk <em>before</em> any of its effects run, so a crash between the two is finished after
 * the restart (the memory holds "fence X, then grant epoch N to Y"). If the memory cannot be written the decision
 * is dropped whole: no effect runs, the state stays as it was, and a CRITICAL {@code memory_write_failed} alert
 * says so; the next input or tick tries again.
 */
public final class ControlPlane implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);
    private static final int RECENT_DECISIONS = 50;

    private final ArbiterMachine machine;
    private final ArbiterPolicy policy;
    private final Wiring wiring;
    private final ScheduledExecutorService decider;
    private final ExecutorService workers;
    private final Deque<AuditEntry> recent = new ArrayDeque<>();
    private final Map<HostId, ProbeResult> lastProbes = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<java.util.function.BiConsumer<ArbiterState, ArbiterState>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile ArbiterState state;
    private Instant memoryFailingSince;
    private Instant memoryAlertedAt;
    private ScheduledFuture<?> wakeUp;
    private LeadershipBus.Subscription subscription;

    /**
     * What the control plane talks to.
     *
     * @param bus the leadership bus
     * @param probes one health probe per host of the topology
     * @param power the PoE ports of the hosts
     * @param alerts where alerts go
     * @param audit where decisions are recorded
     * @param memory where the state is remembered across restarts
     * @param clock the time source
     * @param incidents where incidents for config sync go (heartbeat missed, probe failure, failover)
     */
    public record Wiring(LeadershipBus bus, Map<HostId, HealthProbe> probes, HostPower power, AlertSink alerts,
                         AuditLog audit, ArbiterMemory memory, Clock clock, io.piha.api.sync.IncidentLog incidents) {
        /** @throws NullPointerException if a component is null */
        public Wiring {
            Objects.requireNonNull(bus, "bus");
            probes = Map.copyOf(probes);
            Objects.requireNonNull(power, "power");
            Objects.requireNonNull(alerts, "alerts");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(memory, "memory");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(incidents, "incidents");
        }

        /** Wiring without config sync: incidents are dropped. */
        public Wiring(LeadershipBus bus, Map<HostId, HealthProbe> probes, HostPower power, AlertSink alerts,
                      AuditLog audit, ArbiterMemory memory, Clock clock) {
            this(bus, probes, power, alerts, audit, memory, clock, io.piha.api.sync.IncidentLog.NONE);
        }
    }

    /** A control plane, not yet started. */
    public ControlPlane(ArbiterPolicy policy, Wiring wiring) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.machine = new ArbiterMachine(policy);
        String name = "piha-control-plane-" + policy.service();
        this.decider = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name));
        this.workers = Executors.newCachedThreadPool(r -> daemon(r, name + "-worker"));
        for (HostId h : List.of(policy.topology().primary(), policy.topology().standby())) {
            if (!wiring.probes().containsKey(h)) {
                throw new IllegalArgumentException("no health probe configured for host " + h + " of " + policy.service());
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Resumes from memory, finishes what was interrupted (a fence, a grant), and subscribes to the service. Returns
     * at once; decisions run in the background.
     *
     * @throws ArbiterMemory.UnreadableMemoryException if the memory exists but cannot be trusted
     */
    public ControlPlane start() {
        state = wiring.memory().load(wiring.clock().instant());
        LOG.info("control plane for {} starts: leader {}, epoch {}, frozen {}, {}", policy.service(),
                state.leader().map(HostId::value).orElse("unknown"), state.epoch(), state.frozen(), state.phase().label());
        submit(new ArbiterInput.Started());
        subscription = wiring.bus().subscribe(policy.service(), new LeadershipListener() {
            @Override
            public void onMessage(LeadershipMessage message) {
                ArbiterInput.of(message).ifPresent(ControlPlane.this::submit);
            }

            @Override
            public void onRejected(RejectedMessage rejected) {
                LOG.warn("{}: refused message on {}: {}", policy.service(), rejected.topic(), rejected.reason());
            }

            @Override
            public void onConnection(boolean connected) {
                submit(connected ? new ArbiterInput.Connected() : new ArbiterInput.Disconnected());
            }
        });
        return this;
    }

    /**
     * Calls {@code listener} with the state before and after every decision that changed it, on the decision
     * thread, after the change is remembered; a listener must not block. A failing listener is logged.
     */
    public ControlPlane onChange(java.util.function.BiConsumer<ArbiterState, ArbiterState> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** The state now (for status pages). */
    public ArbiterState state() {
        return state;
    }

    /** The policy this control plane runs. */
    public ArbiterPolicy policy() {
        return policy;
    }

    /** When the next timed step is due, if any. */
    public java.util.Optional<Instant> nextWakeUp() {
        return machine.nextWakeUp(state);
    }

    /** The most recent audited decisions, newest last; routine ones (heartbeats, renewals) are left out. */
    public synchronized List<AuditEntry> recentDecisions() {
        return List.copyOf(recent);
    }

    /** Feeds an input from outside the bus (e.g. the CLI or a test). */
    public void submit(ArbiterInput input) {
        try {
            decider.execute(() -> decide(input));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("{}: closed; {} dropped", policy.service(), input);
        }
    }

    private void decide(ArbiterInput input) {
        ArbiterState before = state;
        Decision<ArbiterState, ArbiterEffect> d;
        try {
            d = machine.decide(before, input, wiring.clock().instant());
        } catch (RuntimeException e) {
            LOG.error("{}: the arbiter failed on {}; state kept", policy.service(), input, e);
            return;
        }
        if (ArbiterMemory.differs(before, d.state()) && !remember(d.state(), input)) {
            reschedule();
            return;
        }
        state = d.state();
        d.effects().forEach(this::carryOut);
        if (!before.equals(state)) {
            ArbiterState after = state;
            listeners.forEach(l -> guarded("state listener", () -> l.accept(before, after)));
        }
        reschedule();
    }

    /** Writes ahead of acting; false (and a CRITICAL alert, spaced out) if the memory could not be written. */
    private boolean remember(ArbiterState next, ArbiterInput input) {
        try {
            wiring.memory().save(next);
            if (memoryFailingSince != null) {
                LOG.info("{}: the memory {} is written again", policy.service(), wiring.memory().describe());
                memoryFailingSince = null;
            }
            return true;
        } catch (RuntimeException e) {
            Instant now = wiring.clock().instant();
            LOG.error("{}: decision on {} dropped, nothing done: {}", policy.service(), input, e.getMessage());
            if (memoryFailingSince == null || !now.isBefore(memoryAlertedAt.plus(policy.safety().reminderInterval()))) {
                memoryFailingSince = memoryFailingSince == null ? now : memoryFailingSince;
                memoryAlertedAt = now;
                Alert alert = Alert.of(now, AlertCodes.MEMORY_WRITE_FAILED, Severity.CRITICAL, policy.service().value(),
                        e.getMessage() + ", so the control plane decides nothing for " + policy.service() + ": no "
                                + "failover, no promotion. Free the disk or fix its permissions; it retries on every "
                                + "heartbeat");
                carryOut(new ArbiterEffect.RaiseAlert(alert));
            }
            return false;
        }
    }

    private void reschedule() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        machine.nextWakeUp(state).ifPresent(at -> {
            long delay = Math.max(0, Duration.between(wiring.clock().instant(), at).toMillis());
            wakeUp = decider.schedule(() -> decide(new ArbiterInput.Tick()), delay, TimeUnit.MILLISECONDS);
        });
    }

    private void carryOut(ArbiterEffect e) {
        if (e instanceof ArbiterEffect.Probe p) {
            work(() -> new ArbiterInput.ProbeReported(p.host(), probe(p.host())));
        } else if (e instanceof ArbiterEffect.Power p) {
            work(() -> {
                HostPower.Outcome o = p.action() == ArbiterEffect.PowerAction.CYCLE
                        ? wiring.power().cycle(p.host(), p.reason()) : wiring.power().switchOff(p.host(), p.reason());
                return new ArbiterInput.PowerReported(p.host(), p.action(), o.succeeded(), o.detail());
            });
        } else if (e instanceof ArbiterEffect.Publish p) {
            publish(p.message());
        } else if (e instanceof ArbiterEffect.RaiseAlert a) {
            guarded("incident", () -> IncidentFeed.record(wiring.incidents(), a.alert(), policy.actor()));
            // Sinks may block on slow webhooks: never on the decision thread.
            workers.execute(() -> guarded("alert", () -> wiring.alerts().send(a.alert())));
        } else if (e instanceof ArbiterEffect.Audit a) {
            record(a.entry());
        }
    }

    private ProbeResult probe(HostId host) {
        HealthProbe probe = wiring.probes().get(host);
        Instant start = wiring.clock().instant();
        ProbeResult r;
        try {
            r = probe.probe();
        } catch (RuntimeException ex) {
            r = new ProbeResult.Unreachable(wiring.clock().instant(), Duration.between(start, wiring.clock().instant()),
                    probe.describe() + " failed: " + ex);
        }
        lastProbes.put(host, r);
        return r;
    }

    /**
     * Probes both hosts now on worker threads, for the status page and metrics; the results are kept for
     * {@link #lastProbe(HostId)} and are not decisions (the machine asks for its own probes when it needs them).
     * Returns at once.
     */
    public void refreshProbes() {
        for (HostId h : List.of(policy.topology().primary(), policy.topology().standby())) {
            try {
                workers.execute(() -> probe(h));
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                return;
            }
        }
    }

    /** The newest probe result of a host, if it was probed. */
    public java.util.Optional<ProbeResult> lastProbe(HostId host) {
        return java.util.Optional.ofNullable(lastProbes.get(host));
    }

    private void work(java.util.function.Supplier<ArbiterInput> task) {
        workers.execute(() -> {
            ArbiterInput answer = task.get();
            submit(answer);
        });
    }

    private void publish(LeadershipMessage m) {
        wiring.bus().publish(m).whenComplete((ok, err) -> {
            if (err != null) {
                LOG.error("{}: could not publish {}: {}", policy.service(), m.getClass().getSimpleName(), err.getMessage());
            }
        });
    }

    private void record(AuditEntry entry) {
        if (entry.outcome() != AuditEntry.Outcome.ROUTINE) {
            synchronized (this) {
                recent.addLast(entry);
                while (recent.size() > RECENT_DECISIONS) {
                    recent.removeFirst();
                }
            }
        }
        guarded("audit", () -> wiring.audit().record(entry));
        if (entry.outcome() == AuditEntry.Outcome.ACCEPTED && !entry.action().startsWith("observe")) {
            LOG.info("{} epoch {}: {}: {}", policy.service(), state.epoch(), entry.action(), entry.reason());
            LeadershipEvent ev = LeadershipEvent.of(entry.timestamp(), "decision", policy.actor())
                    .withReason(entry.action() + ": " + entry.reason()).withEpoch(state.epoch());
            publish(new LeadershipMessage.EventRecorded(policy.service(), ev));
        } else {
            LOG.debug("{} epoch {}: {} {}: {}", policy.service(), state.epoch(), entry.outcome(), entry.action(), entry.reason());
        }
    }

    private void guarded(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ex) {
            LOG.error("{}: {} failed: {}", policy.service(), what, ex.toString());
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        Threads.stop(workers, policy.service() + "'s power and probe workers");
        Threads.stop(decider, policy.service() + "'s arbiter");
    }
}

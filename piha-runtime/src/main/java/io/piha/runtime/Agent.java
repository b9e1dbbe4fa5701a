package io.piha.runtime;

import io.piha.api.audit.AuditEntry;
import io.piha.api.audit.AuditLog;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.FencingToken;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.LeadershipBus;
import io.piha.api.leadership.LeadershipGate;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.RoleActuator;
import io.piha.core.Decision;
import io.piha.core.node.NodeEffect;
import io.piha.core.node.NodeGate;
import io.piha.core.node.NodeInput;
import io.piha.core.node.NodeMachine;
import io.piha.core.node.NodePolicy;
import io.piha.core.node.NodeState;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent beside a Home Assistant host, with real time: feeds the {@link NodeMachine} with what the bus delivers
 * and its timers, and carries out its effects: heartbeats while it leads, switches the host's role through a
 * {@link RoleActuator} only while its lease is valid, publishes state and acknowledgements. It starts as a standby
 * and never reclaims leadership by itself. Decisions run one at a time on one thread, on a monotonic clock (a lease
 * must not stretch when the wall clock is stepped back); heartbeats are stamped with the wall clock.
 *
 * @since 0.1
 */
public final class Agent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final NodeMachine machine;
    private final NodePolicy policy;
    private final LeadershipBus bus;
    private final RoleActuator actuator;
    private final AuditLog audit;
    private final Clock wall;
    private final InstantSource clock;
    private final Duration heartbeatInterval;
    private final NodeGate gate;
    private final ScheduledExecutorService thread;
    private volatile NodeState state;
    private ScheduledFuture<?> heartbeats;
    private ScheduledFuture<?> wakeUp;
    private LeadershipBus.Subscription subscription;

    /** An agent, not yet started, deciding on a monotonic clock anchored to {@code clock}. */
    public Agent(NodePolicy policy, LeadershipBus bus, RoleActuator actuator, AuditLog audit, Clock clock,
                 Duration heartbeatInterval) {
        this(policy, bus, actuator, audit, clock, MonotonicClock.anchoredTo(clock), heartbeatInterval);
    }

    /**
     * An agent, not yet started.
     *
     * @param wall stamps its heartbeats
     * @param decisions what its leases are measured by: monotonic in production, a manual clock in tests
     */
    public Agent(NodePolicy policy, LeadershipBus bus, RoleActuator actuator, AuditLog audit, Clock wall,
                 InstantSource decisions, Duration heartbeatInterval) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.actuator = Objects.requireNonNull(actuator, "actuator");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.wall = Objects.requireNonNull(wall, "wall");
        this.clock = Objects.requireNonNull(decisions, "decisions");
        this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        this.machine = new NodeMachine(policy);
        this.state = NodeState.startingUp(policy.self(), session());
        this.gate = new NodeGate(policy.service(), state, clock);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "piha-agent-" + policy.self());
            t.setDaemon(true);
            return t;
        });
    }

    private static String session() {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Subscribes to the service; the agent stays standby until promoted. */
    public Agent start() {
        LOG.info("agent {} for {} starts as standby", policy.self(), policy.service());
        subscription = bus.subscribe(policy.service(), (LeadershipListener) message ->
                NodeInput.of(message).ifPresent(this::submit));
        return this;
    }

    /** What applications ask before they act. */
    public LeadershipGate gate() {
        return gate;
    }

    /** The agent's state now. */
    public NodeState state() {
        return state;
    }

    private void submit(NodeInput input) {
        try {
            thread.execute(() -> decide(input));
        } catch (RejectedExecutionException closed) {
            LOG.debug("agent {}: closed; {} dropped", policy.self(), input);
        }
    }

    private void decide(NodeInput input) {
        Decision<NodeState, NodeEffect> d = machine.decide(state, input, clock.instant());
        state = d.state();
        gate.update(state);
        d.effects().forEach(this::carryOut);
        reschedule();
    }

    private void reschedule() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        machine.nextWakeUp(state).ifPresent(at -> {
            long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
            wakeUp = thread.schedule(() -> decide(new NodeInput.Tick()), delay, TimeUnit.MILLISECONDS);
        });
    }

    private void carryOut(NodeEffect e) {
        if (e instanceof NodeEffect.TakeLeadership t) {
            lead(t.epoch());
        } else if (e instanceof NodeEffect.Activate a) {
            guarded("activate", () -> actuator.activate(new FencingToken(policy.service(), policy.self(), a.epoch())));
            LOG.info("agent {} acts for {} at epoch {}", policy.self(), policy.service(), a.epoch());
        } else if (e instanceof NodeEffect.Suspend s) {
            guarded("deactivate", () -> actuator.deactivate(s.reason()));
            LOG.warn("agent {} of {} stops acting: {}", policy.self(), policy.service(), s.reason());
        } else if (e instanceof NodeEffect.ReleaseLeadership r) {
            stopHeartbeats();
            guarded("deactivate", () -> actuator.deactivate(r.reason()));
            if (r.reason().startsWith("fenced")) {
                LOG.warn("agent {} of {} stops leading: {}", policy.self(), policy.service(), r.reason());
            } else {
                LOG.info("agent {} of {} stops leading: {}", policy.self(), policy.service(), r.reason());
            }
        } else if (e instanceof NodeEffect.PublishHeartbeat h) {
            Heartbeat hb = h.heartbeat();
            publish(new LeadershipMessage.HeartbeatPublished(policy.service(), new Heartbeat(hb.host(), wall.instant(),
                    hb.uptime(), hb.version(), hb.epoch(), hb.id(), false)));
        } else if (e instanceof NodeEffect.PublishState s) {
            publish(new LeadershipMessage.StateChanged(policy.service(), Optional.of(s.state())));
        } else if (e instanceof NodeEffect.PublishEvent ev) {
            publish(new LeadershipMessage.EventRecorded(policy.service(), ev.event()));
        } else if (e instanceof NodeEffect.Audit a) {
            record(a.entry());
        }
    }

    private void lead(Epoch epoch) {
        stopHeartbeats();
        heartbeats = thread.scheduleAtFixedRate(() -> decide(new NodeInput.HeartbeatDue()), 0,
                heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("agent {} leads {} at epoch {}; it acts once its lease is renewed", policy.self(), policy.service(), epoch);
    }

    private void stopHeartbeats() {
        if (heartbeats != null) {
            heartbeats.cancel(false);
            heartbeats = null;
        }
    }

    private void publish(LeadershipMessage m) {
        bus.publish(m).whenComplete((ok, err) -> {
            if (err != null) {
                LOG.error("agent {}: could not publish {}: {}", policy.self(), m.getClass().getSimpleName(), err.getMessage());
            }
        });
    }

    private void record(AuditEntry entry) {
        guarded("audit", () -> audit.record(entry));
        if (entry.outcome() == AuditEntry.Outcome.REFUSED) {
            LOG.info("agent {} of {} refused {}: {}", policy.self(), policy.service(), entry.action(), entry.reason());
        } else {
            LOG.debug("agent {} of {}: {}: {}", policy.self(), policy.service(), entry.action(), entry.reason());
        }
    }

    private void guarded(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ex) {
            LOG.error("agent {} of {}: {} failed: {}", policy.self(), policy.service(), what, ex.getMessage());
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        Threads.stop(thread, "agent " + policy.self() + " of " + policy.service());
    }
}

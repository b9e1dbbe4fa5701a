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
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent beside a Home Assistant host, with real time: feeds the {@link NodeMachine} with what the bus
 * delivers and carries out its effects: switches the host's role through a {@link RoleActuator},
 * heartbeats at its epoch while it leads, publishes state and acknowledgements. It starts as a standby and
 * never reclaims leadership by itself. Decisions run one at a time on one thread.
 */
public final class Agent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final NodeMachine machine;
    private final NodePolicy policy;
    private final LeadershipBus bus;
    private final RoleActuator actuator;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration heartbeatInterval;
    private final NodeGate gate;
    private final ScheduledExecutorService thread;
    private volatile NodeState state;
    private ScheduledFuture<?> heartbeats;
    private LeadershipBus.Subscription subscription;

    /** An agent, not yet started. */
    public Agent(NodePolicy policy, LeadershipBus bus, RoleActuator actuator, AuditLog audit, Clock clock,
                 Duration heartbeatInterval) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.actuator = Objects.requireNonNull(actuator, "actuator");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        this.machine = new NodeMachine(policy);
        this.state = NodeState.startingUp(policy.self());
        this.gate = new NodeGate(policy.service(), state);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "piha-agent-" + policy.self());
            t.setDaemon(true);
            return t;
        });
    }

    /** Subscribes to the service; the agent stays standby until promoted. */
    public Agent start() {
        LOG.info("agent {} for {} starts as standby", policy.self(), policy.service());
        subscription = bus.subscribe(policy.service(), (LeadershipListener) message -> {
            NodeInput.of(message).ifPresent(input -> thread.execute(() -> decide(input)));
        });
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

    private void decide(NodeInput input) {
        Decision<NodeState, NodeEffect> d = machine.decide(state, input, clock.instant());
        state = d.state();
        gate.update(state);
        d.effects().forEach(this::carryOut);
    }

    private void carryOut(NodeEffect e) {
        if (e instanceof NodeEffect.TakeLeadership t) {
            lead(t.epoch());
        } else if (e instanceof NodeEffect.ReleaseLeadership r) {
            stopHeartbeats();
            guarded("deactivate", () -> actuator.deactivate(r.reason()));
            if (r.reason().startsWith("fenced")) {
                LOG.warn("agent {} of {} stops leading: {}", policy.self(), policy.service(), r.reason());
            } else {
                LOG.info("agent {} of {} stops leading: {}", policy.self(), policy.service(), r.reason());
            }
        } else if (e instanceof NodeEffect.PublishState s) {
            publish(new LeadershipMessage.StateChanged(policy.service(), Optional.of(s.state())));
        } else if (e instanceof NodeEffect.PublishEvent ev) {
            publish(new LeadershipMessage.EventRecorded(policy.service(), ev.event()));
        } else if (e instanceof NodeEffect.Audit a) {
            record(a.entry());
        }
    }

    private void lead(Epoch epoch) {
        guarded("activate", () -> actuator.activate(new FencingToken(policy.service(), policy.self(), epoch)));
        stopHeartbeats();
        heartbeats = thread.scheduleAtFixedRate(this::heartbeat, 0, heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("agent {} leads {} at epoch {}", policy.self(), policy.service(), epoch);
    }

    private void heartbeat() {
        // Only a leader at the newest epoch it knows heartbeats: a fenced node falls silent at once.
        if (state.isCurrentLeader()) {
            publish(new LeadershipMessage.HeartbeatPublished(policy.service(),
                    Heartbeat.of(policy.self(), clock.instant(), state.leadingAt().orElseThrow())));
        }
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
        thread.shutdownNow();
    }
}

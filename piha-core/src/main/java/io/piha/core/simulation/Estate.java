package io.piha.core.simulation;

import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ServiceName;
import io.piha.core.Decision;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterMachine;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.node.NodeEffect;
import io.piha.core.node.NodeInput;
import io.piha.core.node.NodeMachine;
import io.piha.core.node.NodePolicy;
import io.piha.core.node.NodeState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A simulated home running the real arbiter and node state machines on simulated time. Not thread-safe:
 * drive it from one thread. See {@link EstateSettings} for the hardware and network it simulates.
 *
 * @since 0.1
 */
public final class Estate {

    private final EstateSettings settings;
    private final ArbiterPolicy policy;
    private final ArbiterMachine arbiter;
    private final Map<HostId, SimulatedHost> hosts = new LinkedHashMap<>();
    private final Map<HostId, NodeMachine> machines = new LinkedHashMap<>();
    private final PriorityQueue<Agendum> agenda = new PriorityQueue<>();
    private final Map<Class<?>, LeadershipMessage> retained = new LinkedHashMap<>();
    private final List<EstateObserver> observers = new ArrayList<>();
    private final Random random;
    private ArbiterState arbiterState;
    private Instant now;
    private long sequence;
    private boolean poeFailing;
    private double lossRate;
    private boolean crashAtNextDecision;

    /** A home at {@code start} with both hosts up, no leader yet, and the arbiter just started. */
    public Estate(ArbiterPolicy policy, EstateSettings settings, Instant start) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.arbiter = new ArbiterMachine(policy);
        this.random = new Random(settings.seed());
        this.now = start;
        this.arbiterState = ArbiterState.startingUp(start);
        for (HostId id : List.of(policy.topology().primary(), policy.topology().standby())) {
            hosts.put(id, new SimulatedHost(id));
            machines.put(id, new NodeMachine(NodePolicy.ofDefaults(policy.service(), id)));
        }
    }

    /** Adds an observer of every decision and delivery. */
    public Estate observe(EstateObserver observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
        return this;
    }

    /** The simulated time now. */
    public Instant now() {
        return now;
    }

    /** The arbiter's policy. */
    public ArbiterPolicy policy() {
        return policy;
    }

    /** The arbiter's state now. */
    public ArbiterState arbiterState() {
        return arbiterState;
    }

    /** The agent state of a host now. */
    public NodeState node(HostId host) {
        return host(host).node;
    }

    /** What the host's agent gate answers now, by the host's own clock. */
    public io.piha.api.leadership.GateDecision gate(HostId host) {
        SimulatedHost h = host(host);
        return h.node.gate(policy.service(), nodeNow(h));
    }

    /** Whether the host's Home Assistant answers (powered and process up). */
    public boolean answers(HostId host) {
        return host(host).answers();
    }

    /** The hosts whose agent currently acts (automations on: leading with a valid lease), by each host's clock. */
    public List<HostId> actingLeaders() {
        List<HostId> out = new ArrayList<>();
        hosts.values().forEach(h -> {
            if (h.answers() && h.node.mayActAt(nodeNow(h))) {
                out.add(h.id);
            }
        });
        return out;
    }

    private Instant nodeNow(SimulatedHost h) {
        return now.plus(h.clockOffset);
    }

    /** Lets simulated time pass, carrying out everything due. */
    public void advance(Duration duration) {
        Instant until = now.plus(duration);
        while (!agenda.isEmpty() && !agenda.peek().at.isAfter(until)) {
            Agendum next = agenda.poll();
            now = next.at;
            next.action.run();
        }
        now = until;
    }

    /** An operator publishes a command on the bus (as {@code piha promote} or {@code mosquitto_pub} would). */
    public void operator(Command command) {
        happened("operator sends " + command.describe());
        broadcast(new LeadershipMessage.CommandIssued(policy.service(), command), Optional.empty());
    }

    /** The host's Home Assistant dies (hang, crash, SD card); power stays on. */
    public void kill(HostId host) {
        SimulatedHost h = host(host);
        h.processUp = false;
        happened(host + " stops answering (Home Assistant and agent down)");
    }

    /** The host is repaired: it boots again, its agent starting as a standby. */
    public void repair(HostId host) {
        SimulatedHost h = host(host);
        h.powered = true;
        h.processUp = true;
        h.recoversOnPowerCycle = true;
        h.restartAgent();
        agentStarted(h);
        happened(host + " repaired and booted; its agent starts as standby");
        deliverRetained(h);
    }

    /** Whether a power-cycle brings the host back (a hung Pi: yes; a dead SD card: no). */
    public void recoversOnPowerCycle(HostId host, boolean recovers) {
        host(host).recoversOnPowerCycle = recovers;
    }

    /** Sets the host's clock offset, as published in its heartbeats. */
    public void skewClock(HostId host, Duration offset) {
        host(host).clockOffset = offset;
    }

    /** Makes every PoE action fail (switch unreachable) or work again. */
    public void poeFailing(boolean failing) {
        this.poeFailing = failing;
        happened(failing ? "the PoE switch stops answering" : "the PoE switch answers again");
    }

    /** Makes the broker lose each delivery with this probability (0 to 1), from now on. */
    public void loseMessages(double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("loss probability must be in [0, 1], was " + probability);
        }
        this.lossRate = probability;
        happened("the broker loses " + Math.round(probability * 100) + " % of deliveries");
    }

    /**
     * Cuts the host from the broker, or reconnects it: while cut, nothing it publishes arrives and nothing reaches it
     * (its probe and its PoE port still work); reconnected, it gets the retained messages again.
     */
    public void partition(HostId host, boolean cut) {
        SimulatedHost h = host(host);
        if (h.cut == cut) {
            return;
        }
        h.cut = cut;
        happened(host + (cut ? " is cut from the broker" : " reaches the broker again"));
        if (!cut && h.answers()) {
            deliverRetained(h);
        }
    }

    /**
     * The control plane's next decision is persisted, then the control plane crashes before acting on it: the
     * decision's effects are lost, and it restarts from what it persisted.
     */
    public void crashArbiterAtNextDecision() {
        crashAtNextDecision = true;
    }

    /** Restarts the control plane from its persisted state (leader, epoch, freeze, failover history). */
    public void restartArbiter() {
        ArbiterState s = arbiterState;
        arbiterState = s.remembered().resume(now);
        happened("control plane restarted (resumes epoch " + s.epoch() + ")");
        decideArbiter(new ArbiterInput.Started());
        retained.values().forEach(m -> schedule(delay(), () -> toArbiter(m)));
    }

    /** Restarts a host's agent (Home Assistant keeps running); it never reclaims leadership by itself. */
    public void restartAgent(HostId host) {
        SimulatedHost h = host(host);
        h.restartAgent();
        agentStarted(h);
        happened("agent on " + host + " restarted");
        deliverRetained(h);
    }

    private void agentStarted(SimulatedHost h) {
        observers.forEach(o -> o.agentStarted(now, h.id));
    }

    private void deliverRetained(SimulatedHost h) {
        retained.values().forEach(m -> schedule(delay(), () -> toNode(h, m)));
    }

    private SimulatedHost host(HostId id) {
        SimulatedHost h = hosts.get(id);
        if (h == null) {
            throw new IllegalArgumentException("unknown host " + id + " (known: " + hosts.keySet() + ")");
        }
        return h;
    }

    // ---- the bus ----

    /** Publishes {@code m}; {@code from} is the host that publishes it, if a host does. */
    private void broadcast(LeadershipMessage m, Optional<SimulatedHost> from) {
        if (from.filter(h -> h.cut).isPresent()) {
            return;
        }
        if (m instanceof LeadershipMessage.StateChanged || m instanceof LeadershipMessage.HeartbeatPublished
                || m instanceof LeadershipMessage.LeaseGranted) {
            retained.put(m.getClass(), m);
        }
        int copies = random.nextDouble() < settings.duplicateProbability() ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            if (!lost()) {
                schedule(delay(), () -> toArbiter(m));
            }
            hosts.values().forEach(h -> {
                if (!lost()) {
                    schedule(delay(), () -> toNode(h, m));
                }
            });
        }
    }

    private boolean lost() {
        return lossRate > 0 && random.nextDouble() < lossRate;
    }

    private Duration delay() {
        long max = settings.maxDeliveryDelay().toMillis();
        return Duration.ofMillis(max == 0 ? 0 : (long) (random.nextDouble() * max));
    }

    private void toNode(SimulatedHost h, LeadershipMessage m) {
        if (!h.answers() || h.cut) {
            return;
        }
        observers.forEach(o -> o.delivered(now, h.id, m));
        NodeInput.of(m).ifPresent(input -> decideNode(h, input));
    }

    private void toArbiter(LeadershipMessage m) {
        ArbiterInput.of(m).ifPresent(this::decideArbiter);
    }

    // ---- the agents ----

    private void decideNode(SimulatedHost h, NodeInput input) {
        NodeState before = h.node;
        NodeMachine machine = machines.get(h.id);
        Decision<NodeState, NodeEffect> d = machine.decide(before, input, nodeNow(h));
        h.node = d.state();
        observers.forEach(o -> o.nodeDecided(now, h.id, before, input, d));
        for (NodeEffect e : d.effects()) {
            if (e instanceof NodeEffect.TakeLeadership) {
                startHeartbeats(h);
            } else if (e instanceof NodeEffect.ReleaseLeadership) {
                h.heartbeating = false;
                h.heartbeatGeneration++;
            } else if (e instanceof NodeEffect.PublishHeartbeat hb) {
                broadcast(new LeadershipMessage.HeartbeatPublished(policy.service(), hb.heartbeat()), Optional.of(h));
            } else if (e instanceof NodeEffect.PublishState s) {
                broadcast(new LeadershipMessage.StateChanged(policy.service(), Optional.of(s.state())), Optional.of(h));
            } else if (e instanceof NodeEffect.PublishEvent ev) {
                broadcast(new LeadershipMessage.EventRecorded(policy.service(), ev.event()), Optional.of(h));
            }
        }
        if (d.state().active() && !before.active() || !d.state().leaseUntil().equals(before.leaseUntil())) {
            wakeNode(h);
        }
    }

    private void wakeNode(SimulatedHost h) {
        long generation = h.heartbeatGeneration;
        machines.get(h.id).nextWakeUp(h.node).ifPresent(at -> {
            Instant simAt = at.minus(h.clockOffset);
            schedule(simAt.isAfter(now) ? Duration.between(now, simAt) : Duration.ZERO, () -> {
                if (h.answers() && h.heartbeatGeneration == generation) {
                    decideNode(h, new NodeInput.Tick());
                }
            });
        });
    }

    private void startHeartbeats(SimulatedHost h) {
        h.heartbeating = true;
        long generation = ++h.heartbeatGeneration;
        heartbeat(h, generation);
    }

    private void heartbeat(SimulatedHost h, long generation) {
        if (h.heartbeatGeneration != generation || !h.heartbeating || !h.answers()) {
            return;
        }
        decideNode(h, new NodeInput.HeartbeatDue());
        schedule(settings.heartbeatInterval(), () -> heartbeat(h, generation));
    }

    // ---- the control plane ----

    private void decideArbiter(ArbiterInput input) {
        ArbiterState before = arbiterState;
        Decision<ArbiterState, ArbiterEffect> d = arbiter.decide(before, input, now);
        arbiterState = d.state();
        observers.forEach(o -> o.arbiterDecided(now, before, input, d));
        if (crashAtNextDecision) {
            crashAtNextDecision = false;
            happened("control plane crashes after persisting its decision, before acting on it ("
                    + d.effects().size() + " effect(s) lost)");
            restartArbiter();
            return;
        }
        for (ArbiterEffect e : d.effects()) {
            if (e instanceof ArbiterEffect.Probe p) {
                SimulatedHost h = host(p.host());
                schedule(settings.probeLatency(), () -> decideArbiter(new ArbiterInput.ProbeReported(h.id, probe(h))));
            } else if (e instanceof ArbiterEffect.Power p) {
                power(host(p.host()), p.action());
            } else if (e instanceof ArbiterEffect.Publish p) {
                broadcast(p.message(), Optional.empty());
            }
        }
        wakeArbiter();
    }

    private void wakeArbiter() {
        arbiter.nextWakeUp(arbiterState).ifPresent(at -> schedule(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO,
                () -> {
                    if (arbiter.nextWakeUp(arbiterState).filter(due -> !due.isAfter(now)).isPresent()) {
                        decideArbiter(new ArbiterInput.Tick());
                    }
                }));
    }

    private ProbeResult probe(SimulatedHost h) {
        return h.answers()
                ? new ProbeResult.Up(now, settings.probeLatency(), "HTTP 200 from /supervisor/ping")
                : new ProbeResult.Unreachable(now, settings.probeLatency(), "connect to " + h.id + ":4357 timed out");
    }

    private void power(SimulatedHost h, ArbiterEffect.PowerAction action) {
        if (poeFailing) {
            schedule(settings.probeLatency(), () -> decideArbiter(new ArbiterInput.PowerReported(h.id, action, false,
                    "switch did not answer for the port of " + h.id)));
            return;
        }
        h.powered = false;
        h.heartbeatGeneration++;
        happened("PoE port of " + h.id + " switched off (" + action.name().toLowerCase(java.util.Locale.ROOT) + ")");
        if (action == ArbiterEffect.PowerAction.OFF) {
            h.processUp = false;
            schedule(settings.probeLatency(), () -> decideArbiter(new ArbiterInput.PowerReported(h.id, action, true,
                    "port of " + h.id + " is off")));
            return;
        }
        schedule(settings.powerCycleOffTime(), () -> {
            h.powered = true;
            h.processUp = h.recoversOnPowerCycle;
            h.restartAgent();
            agentStarted(h);
            happened("PoE port of " + h.id + " on again; " + (h.processUp ? "host boots" : "host stays dead"));
            if (h.processUp) {
                deliverRetained(h);
            }
            decideArbiter(new ArbiterInput.PowerReported(h.id, action, true, "port of " + h.id + " cycled"));
        });
    }

    private void happened(String what) {
        observers.forEach(o -> o.happened(now, what));
    }

    private void schedule(Duration after, Runnable action) {
        agenda.add(new Agendum(now.plus(after), sequence++, action));
    }

    private record Agendum(Instant at, long seq, Runnable action) implements Comparable<Agendum> {
        @Override
        public int compareTo(Agendum o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}

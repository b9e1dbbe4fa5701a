package io.piha.service;

import io.piha.api.leadership.GateDecision;
import io.piha.api.leadership.LeadershipBus;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.RoleActuator;
import io.piha.sync.StandbyCheckout;
import io.piha.sync.StandbyCheckoutException;
import io.piha.core.node.NodePolicy;
import io.piha.core.node.NodeState;
import io.piha.http.gate.GateServer;
import io.piha.http.gate.GateView;
import io.piha.http.actuator.HomeAssistantAutomations;
import io.piha.http.actuator.ShellCommand;
import io.piha.runtime.Agent;
import io.piha.http.audit.AuditLogs;
import io.piha.http.audit.CompositeAuditLog;
import io.piha.service.config.AgentConfig;
import io.piha.mqtt.MqttLeadershipBus;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent as a service, built from {@link AgentConfig}: one MQTT connection with the host's Last Will,
 * one {@link Agent} per service, the role actuator and the audit log. Every agent starts as a standby.
 */
public final class AgentService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentService.class);

    private final AgentConfig config;
    private final Clock clock;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<Agent> agents = new ArrayList<>();
    private GateServer gate;

    /** A service, not yet started. */
    public AgentService(AgentConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Connects and starts one agent per configured service. */
    public AgentService start() {
        CompositeAuditLog audit = keep(AuditLogs.open(config.audit()));
        MqttLeadershipBus bus = keep(MqttLeadershipBus.connect(Brokers.busConfig(config.broker(), config.contract(),
                config.services().stream().map(AgentConfig.Service::name).toList(), Optional.of(config.host()))));
        Optional<StandbyCheckout> checkout = config.sync().map(s -> StandbyCheckout.of(s.repository(), s.branch(),
                s.checkout()));
        RoleActuator actuator = checkout.<RoleActuator>map(c -> new ApplyMirroredConfig(c, actuator(config.actuator())))
                .orElseGet(() -> actuator(config.actuator()));
        for (AgentConfig.Service s : config.services()) {
            NodePolicy policy = NodePolicy.custom(s.name(), config.host()).requireGrantedEpoch(s.requireGrantedEpoch()).build();
            Agent agent = keep(new Agent(policy, bus, actuator, audit, clock, config.contract().heartbeatInterval())).start();
            agents.add(agent);
            checkout.ifPresent(c -> {
                LeadershipBus.Subscription sub = bus.subscribe(s.name(), m -> applyOnSync(m, agent, c));
                resources.add(sub::close);
            });
        }
        if (config.gate().enabled()) {
            startGate();
        }
        // A standby starting up is ready with the newest mirror, not only after the next sync it hears of. Only after
        // subscribing: a sync between the two is then caught by one or the other, never missed.
        checkout.ifPresent(this::checkOut);
        LOG.info("agent {} runs for {}", config.host(), config.services().stream().map(s -> s.name().value()).toList());
        return this;
    }

    /**
     * The control plane moved the standby branch: a standby checks it out at once, so it is ready before any
     * promotion (a leader keeps the configuration it runs).
     */
    private void applyOnSync(LeadershipMessage m, Agent agent, StandbyCheckout checkout) {
        if (m instanceof LeadershipMessage.EventRecorded e && e.event().event().equals("sync_synced")
                && !agent.state().isCurrentLeader()) {
            checkOut(checkout);
        }
    }

    private void checkOut(StandbyCheckout checkout) {
        try {
            io.piha.api.sync.CommitId live;
            synchronized (checkout) {
                live = checkout.apply();
            }
            LOG.info("agent {}: standby configuration {} checked out at {}", config.host(), live, checkout.live());
        } catch (StandbyCheckoutException ex) {
            LOG.warn("agent {}: the standby configuration could not be checked out: {}", config.host(), ex.getMessage());
        }
    }

    private void startGate() {
        Map<String, Supplier<GateView>> gates = new LinkedHashMap<>();
        for (int i = 0; i < agents.size(); i++) {
            String service = config.services().get(i).name().value();
            Agent agent = agents.get(i);
            gates.put(service, () -> view(service, agent));
        }
        gate = keep(GateServer.start(new InetSocketAddress(config.gate().bind(), config.gate().port()), gates));
        LOG.info("agent {}: leadership gate on {}gate", config.host(), gate.url());
    }

    /** What the HTTP gate answers for {@code agent}, now: the gate's own decision, with the epoch and holder. */
    static GateView view(String service, Agent agent) {
        GateDecision decision = agent.gate().check();
        NodeState state = agent.state();
        long epoch = decision instanceof GateDecision.Leading l ? l.token().epoch().value() : state.highestEpoch().value();
        String reason = decision instanceof GateDecision.NotLeading n ? n.reason() : "leader";
        return new GateView(service, state.self().value(), decision.mayAct(), epoch,
                state.lease().map(l -> l.holder().value()), reason);
    }

    /** The HTTP gate's address, if it runs. */
    public Optional<URI> gateUrl() {
        return Optional.ofNullable(gate).map(GateServer::url);
    }

    /** The agents, one per service. */
    public List<Agent> agents() {
        return List.copyOf(agents);
    }

    static RoleActuator actuator(AgentConfig.Actuator a) {
        if (a instanceof AgentConfig.Actuator.HomeAssistantAutomations ha) {
            return new HomeAssistantAutomations(ha.url(), () -> ha.token().reveal(), ha.entities(), ha.timeout());
        } else if (a instanceof AgentConfig.Actuator.Shell sh) {
            return new ShellCommand(sh.onActivate(), sh.onDeactivate(), sh.timeout().toSeconds());
        }
        return RoleActuator.NONE;
    }

    private <T extends AutoCloseable> T keep(T r) {
        resources.add(r);
        return r;
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", resources.get(i), e.toString());
            }
        }
    }
}

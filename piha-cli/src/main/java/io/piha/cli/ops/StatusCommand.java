package io.piha.cli.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piha.api.Durations;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.cli.ExitCode;
import io.piha.mqtt.MqttLeadershipBus;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code piha status}: what the broker's retained messages say about a service's leadership. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Prints the leader, its epoch, the heartbeat age, the hosts' availability and the "
                + "latest event of a service, from the broker's retained messages.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--listen", defaultValue = "1500ms",
            description = "How long to collect retained messages, e.g. 1500ms or 3s (default: ${DEFAULT-VALUE}).")
    Duration listen;

    @Option(names = "--json", description = "Print one JSON object for scripts (service, state, leader, epoch,"
            + " heartbeat_age_s, availability, last_event; null when unknown).")
    boolean json;

    private volatile Optional<LeaderState> state = Optional.empty();
    private volatile Lease lease;
    private volatile Heartbeat heartbeat;
    private volatile String lastEvent;
    private final Map<String, String> availability = new TreeMap<>();

    @Override
    public Integer call() throws Exception {
        try (MqttLeadershipBus bus = MqttLeadershipBus.connect(broker.config("piha-status", System.getenv()))) {
            LeadershipBusSubscription.collect(bus, broker.service(), (LeadershipListener) this::remember, listen);
        }
        print(spec.commandLine().getOut(), Clock.systemUTC().instant());
        return ExitCode.OK.code();
    }

    private void remember(LeadershipMessage m) {
        if (m instanceof LeadershipMessage.StateChanged s) {
            state = s.state();
        } else if (m instanceof LeadershipMessage.LeaseGranted l) {
            lease = l.lease();
        } else if (m instanceof LeadershipMessage.HeartbeatPublished h) {
            heartbeat = h.heartbeat();
        } else if (m instanceof LeadershipMessage.AvailabilityChanged a) {
            synchronized (availability) {
                availability.put(a.host().value(), a.availability().wire());
            }
        } else if (m instanceof LeadershipMessage.EventRecorded e) {
            lastEvent = e.event().event() + " by " + e.event().actor() + e.event().reason().map(r -> ": " + r).orElse("");
        }
    }

    private void print(PrintWriter out, Instant now) throws JsonProcessingException {
        Optional<String> leader = Optional.ofNullable(lease).map(l -> l.holder().value())
                .or(() -> Optional.ofNullable(heartbeat).map(h -> h.host().value()));
        Optional<Long> epoch = Optional.ofNullable(lease).map(l -> l.epoch().value());
        Optional<Duration> age = Optional.ofNullable(heartbeat).map(h -> Duration.between(h.timestamp(), now));
        Map<String, String> hosts;
        synchronized (availability) {
            hosts = new TreeMap<>(availability);
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("service", broker.service().value());
            doc.put("state", state.map(LeaderState::wire).orElse(null));
            doc.put("leader", leader.orElse(null));
            doc.put("epoch", epoch.orElse(null));
            doc.put("heartbeat_age_s", age.map(a -> a.toMillis() / 1000.0).orElse(null));
            doc.put("availability", hosts);
            doc.put("last_event", lastEvent);
            out.println(new ObjectMapper().writeValueAsString(doc));
            return;
        }
        out.println("service      " + broker.service() + " (broker " + broker.broker + ")");
        out.println("state        " + state.map(LeaderState::wire).orElse("empty (no leader)"));
        out.println("leader       " + leader.orElse("none") + epoch.map(e -> " at epoch " + e).orElse(""));
        out.println("heartbeat    " + age.map(a -> Durations.format(a) + " ago from " + heartbeat.host()).orElse("none seen"));
        hosts.forEach((h, a) -> out.println("host         " + h + ": " + a));
        out.println("last event   " + (lastEvent == null ? "none retained" : lastEvent));
    }
}

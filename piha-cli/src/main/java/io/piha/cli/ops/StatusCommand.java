package io.piha.cli.ops;

import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.mqtt.MqttLeadershipBus;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
            description = "How long to collect retained messages (default: ${DEFAULT-VALUE}).")
    Duration listen;

    @Option(names = "--json", description = "Print JSON for scripts.")
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
        return 0;
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

    private void print(PrintWriter out, Instant now) {
        String leader = lease != null ? lease.holder().value() : heartbeat != null ? heartbeat.host().value() : "none";
        String epoch = lease != null ? lease.epoch().toString() : "unknown";
        String age = heartbeat == null ? "none" : Duration.between(heartbeat.timestamp(), now).toSeconds() + " s";
        if (json) {
            out.printf("{\"service\":\"%s\",\"state\":\"%s\",\"leader\":\"%s\",\"epoch\":\"%s\",\"heartbeat_age\":\"%s\","
                    + "\"availability\":%s}%n", broker.service(), state.map(LeaderState::wire).orElse(""), leader, epoch, age,
                    jsonMap());
            return;
        }
        out.println("service      " + broker.service() + " (broker " + broker.broker + ")");
        out.println("state        " + state.map(LeaderState::wire).orElse("empty (no leader)"));
        out.println("leader       " + leader + " at epoch " + epoch);
        out.println("heartbeat    " + (heartbeat == null ? "none seen" : age + " ago from " + heartbeat.host()));
        synchronized (availability) {
            availability.forEach((h, a) -> out.println("host         " + h + ": " + a));
        }
        out.println("last event   " + (lastEvent == null ? "none retained" : lastEvent));
    }

    private String jsonMap() {
        StringBuilder sb = new StringBuilder("{");
        synchronized (availability) {
            availability.forEach((h, a) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(h).append("\":\"").append(a).append('"'));
        }
        return sb.append('}').toString();
    }
}

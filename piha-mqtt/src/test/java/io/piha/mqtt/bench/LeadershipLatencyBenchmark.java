package io.piha.mqtt.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.piha.api.alert.Alert;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.LeadershipMessage.CommandIssued;
import io.piha.api.leadership.LeadershipMessage.EventRecorded;
import io.piha.api.leadership.LeadershipMessage.HeartbeatPublished;
import io.piha.api.leadership.ServiceName;
import io.piha.core.Decision;
import io.piha.core.arbiter.ArbiterEffect;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterMachine;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Topology;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Latency of the leadership contract over loopback with an embedded HiveMQ CE broker, p50/p99/max:
 * <ol>
 *   <li>baseline: a raw MQTT 5 publish to a raw subscriber (no codec, no bus) in the same run;</li>
 *   <li>command to acknowledgement: an arbiter's envelope command reaches an agent that acks on receipt
 *       with an event carrying the command id, back at the arbiter;</li>
 *   <li>heartbeat to decision: a leader's heartbeat reaches the arbiter's bus and piha-core's
 *       {@link ArbiterMachine} has decided on it.</li>
 * </ol>
 * Run: {@code ./mvnw -B -q -pl piha-mqtt -am -Pbench test -DskipTests} (see docs/benchmarks.md).
 */
public final class LeadershipLatencyBenchmark {

    private static final int WARMUP = 1_000;
    private static final int SAMPLES = 5_000;
    private static final ServiceName SERVICE = ServiceName.of("bench");
    private static final HostId PRIMARY = HostId.of("haos-primary");
    private static final HostId STANDBY = HostId.of("haos-standby");

    private LeadershipLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), loadAverage());
        try (EmbeddedHiveMq broker = EmbeddedHiveMq.start()) {
            report("baseline: raw MQTT publish -> subscriber", rawRoundTrip(broker));
            report("baseline: raw MQTT request -> reply", rawRequestReply(broker));
            report("command -> acknowledgement event", commandToAck(broker));
            report("heartbeat -> arbiter decision", heartbeatToDecision(broker));
        }
        System.exit(0); // the broker's and clients' non-daemon threads would otherwise keep exec:java waiting
    }

    private static MqttLeadershipBus bus(EmbeddedHiveMq broker, String id) {
        return MqttLeadershipBus.connect(MqttBusConfig.custom().broker(broker.host(), broker.port()).clientId(id)
                .services(SERVICE).build(), Clock.systemUTC(), (Alert a) -> { });
    }

    private static long[] rawRoundTrip(EmbeddedHiveMq broker) throws Exception {
        Mqtt5AsyncClient pub = MqttClient.builder().useMqttVersion5().identifier("bench-raw-pub")
                .serverHost(broker.host()).serverPort(broker.port()).buildAsync();
        Mqtt5AsyncClient sub = MqttClient.builder().useMqttVersion5().identifier("bench-raw-sub")
                .serverHost(broker.host()).serverPort(broker.port()).buildAsync();
        pub.connect().get();
        sub.connect().get();
        AtomicReference<CompletableFuture<Long>> arrival = new AtomicReference<>();
        sub.subscribeWith().topicFilter("bench/raw").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> arrival.get().complete(System.nanoTime())).send().get();
        long[] out = measure(i -> {
            CompletableFuture<Long> f = new CompletableFuture<>();
            arrival.set(f);
            long t0 = System.nanoTime();
            pub.publishWith().topic("bench/raw").payload(("promote " + i).getBytes()).qos(MqttQos.AT_LEAST_ONCE).send();
            return f.get(5, TimeUnit.SECONDS) - t0;
        });
        pub.disconnect().get();
        sub.disconnect().get();
        return out;
    }

    /** Two hops with no codec and no bus: what command -> acknowledgement costs at the very least. */
    private static long[] rawRequestReply(EmbeddedHiveMq broker) throws Exception {
        Mqtt5AsyncClient asker = MqttClient.builder().useMqttVersion5().identifier("bench-raw-asker")
                .serverHost(broker.host()).serverPort(broker.port()).buildAsync();
        Mqtt5AsyncClient echo = MqttClient.builder().useMqttVersion5().identifier("bench-raw-echo")
                .serverHost(broker.host()).serverPort(broker.port()).buildAsync();
        asker.connect().get();
        echo.connect().get();
        echo.subscribeWith().topicFilter("bench/request").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> echo.publishWith().topic("bench/reply").payload(p.getPayloadAsBytes())
                        .qos(MqttQos.AT_LEAST_ONCE).send()).send().get();
        AtomicReference<CompletableFuture<Long>> arrival = new AtomicReference<>();
        asker.subscribeWith().topicFilter("bench/reply").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> arrival.get().complete(System.nanoTime())).send().get();
        long[] out = measure(i -> {
            CompletableFuture<Long> f = new CompletableFuture<>();
            arrival.set(f);
            long t0 = System.nanoTime();
            asker.publishWith().topic("bench/request").payload(("promote " + i).getBytes()).qos(MqttQos.AT_LEAST_ONCE)
                    .send();
            return f.get(5, TimeUnit.SECONDS) - t0;
        });
        asker.disconnect().get();
        echo.disconnect().get();
        return out;
    }

    private static long[] commandToAck(EmbeddedHiveMq broker) throws Exception {
        try (MqttLeadershipBus agent = bus(broker, "bench-agent"); MqttLeadershipBus arbiter = bus(broker, "bench-nas")) {
            agent.subscribe(SERVICE, m -> {
                if (m instanceof CommandIssued c && c.command().concerns(STANDBY)) {
                    agent.publish(new EventRecorded(SERVICE, LeadershipEvent.of(Instant.now(), "acknowledged",
                            STANDBY.value()).acknowledging(c.command().id())));
                }
            });
            AtomicReference<String> awaited = new AtomicReference<>();
            AtomicReference<CompletableFuture<Long>> arrival = new AtomicReference<>();
            arbiter.subscribe(SERVICE, m -> {
                if (m instanceof EventRecorded e && e.event().commandId().equals(java.util.Optional.ofNullable(awaited.get()))) {
                    arrival.get().complete(System.nanoTime());
                }
            });
            return measure(i -> {
                String id = "bench-" + i;
                CompletableFuture<Long> f = new CompletableFuture<>();
                awaited.set(id);
                arrival.set(f);
                Instant now = Instant.now();
                long t0 = System.nanoTime();
                arbiter.publish(new CommandIssued(SERVICE, Command.envelope(CommandVerb.PROMOTE, id).target(STANDBY)
                        .epoch(Epoch.of(i + 1L)).validBetween(now, now.plusSeconds(30)).build()));
                return f.get(5, TimeUnit.SECONDS) - t0;
            });
        }
    }

    private static long[] heartbeatToDecision(EmbeddedHiveMq broker) throws Exception {
        ArbiterMachine machine = new ArbiterMachine(ArbiterPolicy.ofDefaults(SERVICE, new Topology(PRIMARY, STANDBY)));
        try (MqttLeadershipBus leader = bus(broker, "bench-leader"); MqttLeadershipBus nas = bus(broker, "bench-nas2")) {
            AtomicReference<ArbiterState> state = new AtomicReference<>(ArbiterState.startingUp(Instant.now()));
            AtomicReference<CompletableFuture<Long>> decided = new AtomicReference<>();
            AtomicReference<Instant> awaited = new AtomicReference<>();
            nas.subscribe(SERVICE, m -> {
                if (m instanceof HeartbeatPublished h && h.heartbeat().timestamp().equals(awaited.get())) {
                    Decision<ArbiterState, ArbiterEffect> d = machine.decide(state.get(),
                            new ArbiterInput.HeartbeatObserved(h.heartbeat()), Instant.now());
                    state.set(d.state());
                    if (d.accepted()) {
                        decided.get().complete(System.nanoTime());
                    }
                }
            });
            return measure(i -> {
                CompletableFuture<Long> f = new CompletableFuture<>();
                Instant ts = Instant.now();
                awaited.set(ts);
                decided.set(f);
                long t0 = System.nanoTime();
                leader.publish(new HeartbeatPublished(SERVICE, Heartbeat.of(PRIMARY, ts, Epoch.of(1))));
                return f.get(5, TimeUnit.SECONDS) - t0;
            });
        }
    }

    @FunctionalInterface
    private interface Sample {
        long nanos(int i) throws Exception;
    }

    private static long[] measure(Sample sample) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            sample.nanos(i);
        }
        long[] out = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            out[i] = sample.nanos(WARMUP + i);
        }
        Arrays.sort(out);
        return out;
    }

    private static void report(String name, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-42s n=%d  p50=%.3f ms  p99=%.3f ms  max=%.3f ms%n", name, sorted.length,
                ms(sorted[sorted.length / 2]), ms(sorted[(int) Math.ceil(sorted.length * 0.99) - 1]),
                ms(sorted[sorted.length - 1]));
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}

package io.piha.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.alert.Alert;
import io.piha.api.audit.AuditEntry;
import io.piha.api.health.HealthProbe;
import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.FencingToken;
import io.piha.api.leadership.GateDecision;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.RoleActuator;
import io.piha.api.leadership.ServiceName;
import io.piha.api.recovery.HostPower;
import io.piha.core.arbiter.ArbiterInput;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.Phase;
import io.piha.core.arbiter.Topology;
import io.piha.core.node.NodePolicy;
import io.piha.testkit.ManualClock;
import io.piha.testkit.bus.InMemoryLeadershipBus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control plane and an agent embedded in a plain Java program, as an integrator wires them: piha-runtime only,
 * no CLI, no logging backend of ours, a manual clock, and the seed's failover played through to the end.
 */
class EmbeddedFailoverTest {

    private static final ServiceName HA = ServiceName.HOME_ASSISTANT;
    private static final HostId PRIMARY = HostId.of("haos-primary");
    private static final HostId STANDBY = HostId.of("ha-standby");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T08:00:00Z"));
    private final AtomicBoolean primaryUp = new AtomicBoolean(true);
    private final List<String> power = new CopyOnWriteArrayList<>();
    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    private final List<Alert> alerts = new CopyOnWriteArrayList<>();
    private final List<FencingToken> activations = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @Test
    void theRuntimeEmbedsWithoutTheCliOrLogbackAndFailsOverWithAManualClock() throws Exception {
        assertThatThrownBy(() -> Class.forName("ch.qos.logback.classic.Logger")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("picocli.CommandLine")).isInstanceOf(ClassNotFoundException.class);
        ArbiterPolicy policy = ArbiterPolicy.ofDefaults(HA, new Topology(PRIMARY, STANDBY));
        try (InMemoryLeadershipBus bus = new InMemoryLeadershipBus();
             ControlPlane cp = new ControlPlane(policy, new ControlPlane.Wiring(bus,
                     Map.of(PRIMARY, probe(primaryUp::get), STANDBY, probe(() -> true)), new Power(),
                     alerts::add, audit::add, ArbiterMemory.inFile(dir.resolve("arbiter.properties")), clock)).start();
             Agent standby = new Agent(NodePolicy.ofDefaults(HA, STANDBY), bus, new Actuator(), audit::add, clock,
                     Duration.ofSeconds(30)).start()) {

            bus.publish(new LeadershipMessage.HeartbeatPublished(HA, Heartbeat.of(PRIMARY, clock.instant())));
            assertThat(waitFor(() -> cp.state().leader().filter(PRIMARY::equals).isPresent())).isTrue();
            assertThat(standby.gate().check()).isInstanceOf(GateDecision.NotLeading.class);

            primaryUp.set(false);
            clock.advance(policy.heartbeatTimeout().plusSeconds(1));
            cp.submit(new ArbiterInput.Tick());
            assertThat(waitFor(() -> cp.state().phase() instanceof Phase.AwaitingRecovery)).as("%s", cp.state()).isTrue();
            clock.advance(policy.recoveryWait().plusSeconds(1));
            cp.submit(new ArbiterInput.Tick());

            assertThat(waitFor(() -> standby.state().isCurrentLeader())).as("decisions %s", cp.recentDecisions()).isTrue();
            assertThat(waitFor(() -> cp.state().phase() instanceof Phase.Watching
                    && cp.state().leader().filter(STANDBY::equals).isPresent())).isTrue();
            assertThat(power).containsExactly("cycle haos-primary", "off haos-primary");
            assertThat(waitFor(() -> !activations.isEmpty())).as("the standby acts once its lease is renewed: %s", audit)
                    .isTrue();
            assertThat(activations).singleElement().satisfies(t -> assertThat(t.epoch()).isEqualTo(Epoch.of(2)));
            assertThat(standby.gate().check()).isInstanceOfSatisfying(GateDecision.Leading.class,
                    l -> assertThat(l.token().epoch()).isEqualTo(Epoch.of(2)));
            assertThat(audit).extracting(AuditEntry::action).contains("grant");
            assertThat(alerts).extracting(Alert::code).contains("leadership_changed");
        }
    }

    private HealthProbe probe(BooleanSupplier up) {
        return new HealthProbe() {
            @Override
            public String describe() {
                return "a host that is up while the test says so";
            }

            @Override
            public ProbeResult probe() {
                return up.getAsBoolean() ? new ProbeResult.Up(clock.instant(), Duration.ofMillis(3), "up")
                        : new ProbeResult.Down(clock.instant(), Duration.ofMillis(3), "no answer");
            }
        };
    }

    /** A switch that obeys: a cycle does not revive the hung primary; off is off. */
    private final class Power implements HostPower {
        @Override
        public Outcome cycle(HostId host, String reason) {
            power.add("cycle " + host);
            return Outcome.done("cycled " + host);
        }

        @Override
        public Outcome switchOff(HostId host, String reason) {
            power.add("off " + host);
            return Outcome.done(host + " off");
        }
    }

    private final class Actuator implements RoleActuator {
        @Override
        public void activate(FencingToken token) {
            activations.add(token);
        }

        @Override
        public void deactivate(String reason) {
        }
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }
}

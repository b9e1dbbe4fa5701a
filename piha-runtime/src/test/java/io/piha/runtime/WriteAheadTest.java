package io.piha.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertCodes;
import io.piha.api.alert.Severity;
import io.piha.api.health.HealthProbe;
import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ParticipantKind;
import io.piha.api.leadership.ServiceName;
import io.piha.api.recovery.HostPower;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Grant;
import io.piha.core.arbiter.Phase;
import io.piha.core.arbiter.Topology;
import io.piha.testkit.ManualClock;
import io.piha.testkit.bus.InMemoryLeadershipBus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control plane writes its intent down before it acts, and finishes it after a crash: a fence or a grant
 * interrupted between the write and the act is carried out at the next start, and a decision whose write fails is
 * not acted on at all.
 */
class WriteAheadTest {

    private static final ServiceName HA = ServiceName.HOME_ASSISTANT;
    private static final HostId PRIMARY = HostId.of("haos-primary");
    private static final HostId STANDBY = HostId.of("haos-standby");
    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final List<String> power = new CopyOnWriteArrayList<>();
    private final List<Alert> alerts = new CopyOnWriteArrayList<>();
    private final ArbiterPolicy policy = ArbiterPolicy.ofDefaults(HA, new Topology(PRIMARY, STANDBY));

    @TempDir
    Path dir;

    @Test
    void aFenceInterruptedByACrashIsFinishedAtTheNextStartAndOnlyThenIsTheEpochGranted() throws Exception {
        ArbiterMemory memory = ArbiterMemory.inFile(dir.resolve("arbiter.properties"));
        Grant grant = new Grant(STANDBY, "heartbeat_timeout", true, Optional.empty(), false);
        memory.save(remembered(new Phase.Fencing(PRIMARY, grant, T0.minusSeconds(2))));

        try (InMemoryLeadershipBus bus = new InMemoryLeadershipBus(); ControlPlane cp = controlPlane(bus, memory).start()) {
            assertThat(waitFor(() -> cp.state().phase() instanceof Phase.AwaitingLeader)).as("%s", cp.state()).isTrue();

            assertThat(power).containsExactly("off haos-primary");
            assertThat(leases(bus)).last().satisfies(l -> {
                assertThat(l.holder()).isEqualTo(STANDBY);
                assertThat(l.epoch()).isEqualTo(Epoch.of(8));
            });
            assertThat(memory.load(clock.instant()).phase()).as("the grant is written down before it is published")
                    .isInstanceOf(Phase.AwaitingLeader.class);
        }
    }

    @Test
    void aGrantInterruptedBeforeItsLeaseWasPublishedIsPublishedAtTheNextStart() throws Exception {
        ArbiterMemory memory = ArbiterMemory.inFile(dir.resolve("arbiter.properties"));
        // What the memory holds when the process died right after writing the grant, before publishing anything.
        ArbiterState granted = new ArbiterState.Remembered(Optional.of(STANDBY), Epoch.of(8), false, Optional.of(T0),
                13, Map.of(PRIMARY, ParticipantKind.AGENT, STANDBY, ParticipantKind.AGENT),
                new Phase.AwaitingLeader(STANDBY, Epoch.of(8), io.piha.api.leadership.Command
                        .envelope(io.piha.api.leadership.CommandVerb.PROMOTE, "home_assistant-control-plane-13")
                        .target(STANDBY).epoch(Epoch.of(8)).reason("heartbeat_timeout").build(), T0.plusSeconds(60), 1),
                List.of()).resume(T0);
        memory.save(granted);

        try (InMemoryLeadershipBus bus = new InMemoryLeadershipBus(); ControlPlane cp = controlPlane(bus, memory).start()) {
            assertThat(waitFor(() -> !leases(bus).isEmpty() && !promotes(bus).isEmpty())).isTrue();

            assertThat(leases(bus)).first().satisfies(l -> assertThat(l.epoch()).isEqualTo(Epoch.of(8)));
            assertThat(promotes(bus)).first().satisfies(c -> {
                assertThat(c.target()).contains(STANDBY);
                assertThat(c.epoch()).contains(Epoch.of(8));
            });
            assertThat(power).as("nothing more to fence: the grant was already made").isEmpty();
            assertThat(cp.state().phase()).isInstanceOf(Phase.AwaitingLeader.class);
        }
    }

    @Test
    void aDecisionWhoseMemoryCannotBeWrittenIsNotActedOnAndRaisesOneCriticalAlert() throws Exception {
        Path blocker = dir.resolve("state");
        ArbiterMemory memory = ArbiterMemory.inFile(blocker.resolve("arbiter.properties"));

        try (InMemoryLeadershipBus bus = new InMemoryLeadershipBus(); ControlPlane cp = controlPlane(bus, memory).start()) {
            // The disk goes bad after the start: a file where the memory's folder should be, which even root cannot
            // write through.
            Files.writeString(blocker, "not a folder");
            for (int i = 0; i < 3; i++) {
                bus.publish(new LeadershipMessage.HeartbeatPublished(HA, Heartbeat.of(PRIMARY, T0.plusSeconds(i))));
            }
            assertThat(waitFor(() -> !alerts.isEmpty())).isTrue();
            bus.awaitDelivery();
            Thread.sleep(200);

            assertThat(alerts).as("one alert, not one per heartbeat").singleElement().satisfies(a -> {
                assertThat(a.code()).isEqualTo(AlertCodes.MEMORY_WRITE_FAILED);
                assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(a.message()).contains(blocker.toString());
            });
            assertThat(cp.state().leader()).as("not learnt, since it could not be remembered").isEmpty();

            Files.delete(blocker);
            bus.publish(new LeadershipMessage.HeartbeatPublished(HA, Heartbeat.of(PRIMARY, clock.instant())));
            assertThat(waitFor(() -> cp.state().leader().isPresent())).isTrue();
            assertThat(memory.load(clock.instant()).leader()).contains(PRIMARY);
        }
    }

    private ArbiterState remembered(Phase phase) {
        ArbiterState s = new ArbiterState.Remembered(Optional.of(PRIMARY), Epoch.of(7), false, Optional.empty(), 12,
                Map.of(PRIMARY, ParticipantKind.AGENT, STANDBY, ParticipantKind.AGENT), new Phase.Watching(), List.of())
                .resume(T0);
        return new ArbiterState(phase, s.leader(), s.epoch(), s.lastHeartbeat(), s.watchSince(), s.frozen(),
                s.lastFailover(), s.commandSeq(), s.hosts(), s.leaseRenewedAt(), s.seen(), s.remindAt(), s.connected(),
                s.announced());
    }

    private ControlPlane controlPlane(InMemoryLeadershipBus bus, ArbiterMemory memory) {
        HealthProbe up = new HealthProbe() {
            @Override
            public String describe() {
                return "always up";
            }

            @Override
            public ProbeResult probe() {
                return new ProbeResult.Up(clock.instant(), Duration.ofMillis(2), "up");
            }
        };
        HostPower switchThatObeys = new HostPower() {
            @Override
            public Outcome cycle(HostId host, String reason) {
                power.add("cycle " + host);
                return Outcome.done("cycled");
            }

            @Override
            public Outcome switchOff(HostId host, String reason) {
                power.add("off " + host);
                return Outcome.done("off");
            }
        };
        return new ControlPlane(policy, new ControlPlane.Wiring(bus, Map.of(PRIMARY, up, STANDBY, up), switchThatObeys,
                alerts::add, e -> { }, memory, clock));
    }

    private static List<io.piha.api.leadership.Lease> leases(InMemoryLeadershipBus bus) {
        return bus.published().stream().filter(LeadershipMessage.LeaseGranted.class::isInstance)
                .map(m -> ((LeadershipMessage.LeaseGranted) m).lease()).toList();
    }

    private static List<io.piha.api.leadership.Command> promotes(InMemoryLeadershipBus bus) {
        return bus.published().stream().filter(LeadershipMessage.CommandIssued.class::isInstance)
                .map(m -> ((LeadershipMessage.CommandIssued) m).command())
                .filter(c -> c.verb() == io.piha.api.leadership.CommandVerb.PROMOTE).toList();
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
